## Comment cette langue écrit les dates (strftime de chrono, nom de locale).
date-format = %-d %B %Y
date-locale = fr_FR

## La mise en page commune
language-name = Français
skip-to-main = Aller au contenu principal
site-tagline = Clarifications des normes ISO/IEC d’évaluation de la conformité
signed-in-as = Connecté en tant que
sign-out = Se déconnecter
sign-in = Se connecter
nav-main = Principale
nav-clarifications = Clarifications
nav-standards = Normes
nav-ask = Demander une clarification
nav-workspace = Espace de travail
footer-what-title = Ce qu’est une clarification
footer-what-text =
    Une clarification consigne la position à laquelle le groupe de maintenance
    responsable est parvenu par consensus sur le sens voulu d’une exigence.
    Elle n’ajoute ni ne modifie aucune exigence et n’a aucun effet
    contraignant. Elle n’est prise en compte pour le texte de la norme qu’à
    la prochaine révision de celle-ci.
footer-using = Utiliser { $site }
footer-about-process = À propos du processus
footer-other-standard = Votre question porte-t-elle sur une autre norme ?
footer-open-data = Données ouvertes
footer-atom = Flux Atom des nouvelles clarifications
footer-csv = Toutes les clarifications au format CSV
footer-openapi = Description de l’API (OpenAPI, en anglais)
language-switch = Langue
language-switch-button = Afficher les pages dans cette langue
language-page-title = Langue
language-page-lead = Choisissez la langue dans laquelle Clarion affiche ses pages et envoie ses courriels.
