// Keeps the page of a background job up to date: polls /travaux/{id}/etat until the job ends.
// The page is complete without this script (a reload shows the same state).
(function () {
    'use strict';
    var bloc = document.getElementById('travail');
    if (!bloc || bloc.dataset.fini === 'true') {
        return;
    }

    var barre = document.getElementById('progression');
    var etat = document.getElementById('etat-travail');
    var texte = document.getElementById('texte-progression');
    var message = document.getElementById('message-travail');
    var fin = document.getElementById('fin-travail');

    function afficher(e) {
        if (e.max) {
            barre.max = e.max;
            barre.value = e.fait;
        } else {
            barre.removeAttribute('value');
        }
        barre.textContent = e.texteProgression;
        texte.textContent = e.texteProgression;
        // The status region is announced by screen readers: change it only when the state changes.
        if (etat.textContent !== e.etatLibelle) {
            etat.textContent = e.etatLibelle;
        }
        message.textContent = e.message || '';
        fin.textContent = e.termineLe ? 'Fini le ' + e.termineLe + '.' : '';
    }

    function lire() {
        fetch(bloc.dataset.etatUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
            .then(function (reponse) {
                if (!reponse.ok) {
                    throw new Error(String(reponse.status));
                }
                return reponse.json();
            })
            .then(function (e) {
                afficher(e);
                if (e.fini && bloc.dataset.recharger === 'true') {
                    // A page that shows the job's results (a campaign's review) reloads once the job ends.
                    window.location.reload();
                    return;
                }
                if (!e.fini) {
                    window.setTimeout(lire, 2000);
                }
            })
            .catch(function () {
                window.setTimeout(lire, 10000);
            });
    }

    window.setTimeout(lire, 1000);
}());
