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
            menu.addEventListener('toggle', function () {
                if (menu.open) {
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
        document.addEventListener('focusin', fermerAutour);
    });
}());
