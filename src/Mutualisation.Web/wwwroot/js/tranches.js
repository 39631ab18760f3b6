// Bracket rows of the component form: add and remove rows on the page. Without this script the
// « Ajouter une tranche » button asks the server for one more row, and an emptied row is ignored.
(function () {
    "use strict";
    var table = document.querySelector("table[data-tranches]");
    var ajouter = document.querySelector("[data-ajouter-tranche]");
    if (!table || !ajouter) {
        return;
    }

    var corps = table.tBodies[0];

    function renumeroter() {
        Array.prototype.forEach.call(corps.rows, function (ligne, i) {
            ligne.querySelectorAll("input").forEach(function (champ) {
                var nom = champ.name.replace(/^Tranches\[\d+\]/, "Tranches[" + i + "]");
                var id = nom.replace(/[\[\].]/g, "_").replace(/__/g, "_");
                champ.name = nom;
                champ.id = id;
                var etiquette = champ.parentElement.querySelector("label");
                if (etiquette) {
                    etiquette.htmlFor = id;
                    etiquette.textContent = etiquette.textContent.replace(/\d+$/, String(i + 1));
                }
            });
            var bouton = ligne.querySelector("[data-retirer-tranche] span");
            if (bouton) {
                bouton.textContent = " la tranche " + (i + 1);
            }
        });
    }

    function activer(ligne) {
        var bouton = ligne.querySelector("[data-retirer-tranche]");
        bouton.hidden = false;
        bouton.addEventListener("click", function () {
            if (corps.rows.length > 1) {
                ligne.remove();
            } else {
                ligne.querySelectorAll("input").forEach(function (champ) { champ.value = ""; });
            }
            renumeroter();
        });
    }

    Array.prototype.forEach.call(corps.rows, activer);
    ajouter.addEventListener("click", function (evenement) {
        evenement.preventDefault();
        var modele = corps.rows[corps.rows.length - 1];
        var ligne = modele.cloneNode(true);
        ligne.querySelectorAll("input").forEach(function (champ) {
            champ.value = "";
            champ.classList.remove("is-invalid");
            champ.removeAttribute("aria-describedby");
        });
        ligne.querySelectorAll(".invalid-feedback").forEach(function (e) { e.remove(); });
        corps.appendChild(ligne);
        activer(ligne);
        renumeroter();
        ligne.querySelector("input").focus();
    });
}());
