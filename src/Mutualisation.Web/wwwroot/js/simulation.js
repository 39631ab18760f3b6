// Shows the fields of the chosen formule on the simulator (population, quantities, audit date, N1 days).
// The page works without this script: a formule changed in the form reloads the page with its fields.
(function () {
    'use strict';
    var formule = document.getElementById('formule');
    var precedente = document.getElementById('formulePrecedente');
    if (!formule || !precedente) {
        return;
    }

    function afficher() {
        var code = formule.value;
        document.querySelectorAll('[data-formules]').forEach(function (bloc) {
            bloc.hidden = bloc.dataset.formules.split(' ').indexOf(code) < 0;
        });
        // The fields shown are those of the formule: the next submit prices it.
        precedente.value = code;
    }

    formule.addEventListener('change', afficher);
    afficher();
})();
