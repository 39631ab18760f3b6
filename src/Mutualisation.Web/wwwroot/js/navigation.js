// Main navigation: the menus are <details> elements, usable without this script (they open and close
// natively, and without script the collapsed menu of narrow screens is shown open, see site.css).
// With it: one menu open at a time, Escape closes the menu and gives focus back to its title,
// a click or focus outside closes it.
(function () {
    'use strict';
    document.documentElement.classList.add('js');

    function menus() {
        return Array.prototype.slice.call(document.querySelectorAll('.groupe-menu > details'));
    }

    function fermerSauf(garde) {
        menus().forEach(function (menu) {
            if (menu !== garde && menu.open) {
                menu.open = false;
            }
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        menus().forEach(function (menu) {
            // On the click that is about to open it (before the toggle): closing the others at once, not when the
            // toggle event arrives later, so quick clicks on several menus never leave a stale event closing the last one.
            menu.querySelector('summary').addEventListener('click', function () {
                if (!menu.open) {
                    fermerSauf(menu);
                }
            });
            menu.addEventListener('keydown', function (evenement) {
                if (evenement.key === 'Escape' && menu.open) {
                    menu.open = false;
                    menu.querySelector('summary').focus();
                }
            });
        });
        // Clicking or tabbing elsewhere closes the open menu (but not the menu that receives the focus).
        function fermerAutour(evenement) {
            var groupe = evenement.target.closest ? evenement.target.closest('.groupe-menu') : null;
            fermerSauf(groupe ? groupe.querySelector('details') : null);
        }
        document.addEventListener('click', fermerAutour);
        document.addEventListener('focusin', function (evenement) {
            // The title of another menu getting the focus (a mouse press on it) must not close the open menu yet:
            // the page would shift under the pointer before the click lands. Its click (or Enter) does it.
            if (evenement.target.matches && evenement.target.matches('.groupe-menu summary')) {
                return;
            }

            fermerAutour(evenement);
        });
    });
}());
