"""What site setup writes into the accessibility statement and the legal notice: real French content, with its
English translation (French text -> English text, the segments wagtail-localize extracts). The national team edits
both pages afterwards in the admin; site setup never overwrites them (cms.services.site_setup)."""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage

EN = {}


def t(french, english):
    """`french`, remembering its English translation."""
    EN[french] = english
    # wagtail-localize extracts a plain text field's line breaks as <br/> (StringValue.from_plaintext).
    EN[french.replace("\n", "<br/>")] = english.replace("\n", "<br/>")
    return french


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


# The RGAA model statement (accessibilite.numerique.gouv.fr), filled for PACTE. Partially compliant until an audit
# says more: no full audit has been made yet, so no rate is claimed.
STATEMENT = {
    "auditor": t("l’équipe nationale du programme PACTE (EHESP), en autoévaluation",
                 "the national team of the PACTE programme (EHESP), as a self-assessment"),
    "audit_results": p(
        t("Aucun audit complet de conformité au RGAA n’a encore été réalisé : la plateforme est donc déclarée "
          "partiellement conforme. Les pages listées ci-dessous sont contrôlées à chaque modification de la "
          "plateforme par des tests automatisés et des parcours au clavier.",
          "No full RGAA compliance audit has been carried out yet, so the platform is declared partially "
          "compliant. The pages listed below are checked on every change to the platform by automated tests and "
          "keyboard journeys."),
    ),
    "non_accessible_content": ul(
        t("Certains documents bureautiques téléchargeables (PDF, traitements de texte) déposés par les formateurs "
          "relais ne sont pas balisés pour les technologies d’assistance (critère 13.3) : une version accessible "
          "est envoyée sur demande.",
          "Some downloadable office documents (PDF, word-processor files) uploaded by the regional trainers are "
          "not tagged for assistive technologies (criterion 13.3): an accessible version is sent on request."),
        t("Les vidéos intégrées depuis des plateformes externes peuvent ne pas avoir de sous-titres ni de "
          "transcription (critères 4.1 et 4.3).",
          "Videos embedded from external platforms may have no captions or transcript (criteria 4.1 and 4.3)."),
        t("L’interface d’administration, réservée aux formateurs relais et à l’équipe nationale, n’a pas encore "
          "été évaluée.",
          "The administration interface, used only by the regional trainers and the national team, has not been "
          "assessed yet."),
    ),
    "derogations": p(t("Aucune dérogation pour charge disproportionnée n’est invoquée.",
                       "No derogation for disproportionate burden is claimed.")),
    "exempt_content": ul(
        t("Les contenus de tiers qui ne sont ni financés, ni développés par l’EHESP, ni sous son contrôle (vidéos "
          "hébergées sur des plateformes externes, par exemple).",
          "Third-party content that the EHESP neither funds, nor develops, nor controls (videos hosted on external "
          "platforms, for example)."),
        t("Les documents bureautiques publiés avant le 23 septembre 2018, sauf s’ils sont nécessaires pour "
          "accomplir une démarche.",
          "Office documents published before 23 September 2018, unless they are needed to complete a procedure."),
    ),
    "technologies": ul("HTML5", "CSS", "WAI-ARIA", "JavaScript"),
    "test_environment": ul(
        t("Chromium sous Debian GNU/Linux, à la souris et au clavier seul",
          "Chromium on Debian GNU/Linux, with a mouse and with the keyboard alone"),
        t("Firefox et le lecteur d’écran NVDA sous Windows (vérifications manuelles prévues lors de l’audit)",
          "Firefox and the NVDA screen reader on Windows (manual checks planned for the audit)"),
    ),
    "tools": ul(
        t("axe-core (règles WCAG 2.1 des niveaux A et AA), à chaque modification",
          "axe-core (WCAG 2.1 level A and AA rules), on every change"),
        t("Le validateur HTML du W3C (Nu Html Checker), à chaque modification",
          "The W3C HTML validator (Nu Html Checker), on every change"),
        t("Des parcours automatisés au clavier (Playwright)", "Automated keyboard journeys (Playwright)"),
    ),
    "pages_checked": ul(
        t("Accueil", "Home"),
        t("Les régions", "Regions"),
        t("Une page régionale (Bretagne)", "A region page (Brittany)"),
        t("Une fiche technique des ressources pédagogiques", "A technical sheet of the learning resources"),
        t("Déclaration d’accessibilité", "Accessibility statement"),
        t("Plan du site", "Site map"),
        t("Connexion", "Log in"),
        t("Mot de passe oublié", "Forgotten password"),
        t("Mon profil", "My profile"),
        t("Page introuvable (erreur 404)", "Page not found (404 error)"),
    ),
    "contact_address": t("EHESP – Programme PACTE\n15 avenue du Professeur-Léon-Bernard\n35043 Rennes",
                         "EHESP – PACTE programme\n15 avenue du Professeur-Léon-Bernard\n35043 Rennes\nFrance"),
}


def _lifetime(seconds):
    """A cookie's max-age in words; None is a cookie of the browser's session."""
    if seconds is None:
        return t("jusqu’à la fermeture du navigateur", "until the browser is closed")
    days = round(seconds / 86400)
    return t("un an", "one year") if days >= 364 else t(f"{days} jours", f"{days} days")


def cookies():
    """The cookies the site sets, named as the settings name them. Only what the service needs: no audience
    measurement, no advertising, so none needs consent (CNIL, délibération 2020-091)."""
    rows = [
        (settings.SESSION_COOKIE_NAME,
         t("Garde votre session ouverte après la connexion.", "Keeps you logged in after you log in."),
         _lifetime(settings.SESSION_COOKIE_AGE)),
        (settings.CSRF_COOKIE_NAME,
         t("Protège les formulaires contre la falsification de requêtes intersites.",
           "Protects forms against cross-site request forgery."),
         _lifetime(settings.CSRF_COOKIE_AGE)),
        (settings.LANGUAGE_COOKIE_NAME,
         t("Retient la langue que vous avez choisie.", "Remembers the language you chose."),
         _lifetime(settings.LANGUAGE_COOKIE_AGE)),
        (CookieStorage.cookie_name,
         t("Affiche une seule fois un message de confirmation après une action.",
           "Shows a confirmation message once, after an action."),
         t("jusqu’à l’affichage du message", "until the message is shown")),
    ]
    return [{"type": "cookie", "value": {"name": name, "purpose": purpose, "lifetime": lifetime}}
            for name, purpose, lifetime in rows]


def legal_notice():
    return {
        "publisher_name": t("École des hautes études en santé publique (EHESP)",
                            "École des hautes études en santé publique (EHESP, French School of Public Health)"),
        "publisher_address": t("15 avenue du Professeur-Léon-Bernard\n35043 Rennes",
                               "15 avenue du Professeur-Léon-Bernard\n35043 Rennes\nFrance"),
        "publication_director": t("La directrice ou le directeur de l’EHESP", "The director of the EHESP"),
        # Fictional until the hosting contract is signed: marked so that nobody mistakes it for the real one.
        "host_name": t("Hébergeur Exemple SAS (à compléter)", "Hébergeur Exemple SAS (to be completed)"),
        "host_address": t("12 rue de l’Exemple\n35000 Rennes (à compléter)",
                          "12 rue de l’Exemple\n35000 Rennes, France (to be completed)"),
        "host_phone": t("02 99 00 00 00 (à compléter)", "+33 2 99 00 00 00 (to be completed)"),
        "personal_data": p(
            t("La plateforme traite les données des personnes invitées au programme PACTE : nom, prénom, adresse "
              "électronique, rôle, région, structure d’exercice et langue préférée. Elles servent uniquement à "
              "organiser la formation des coordonnateurs et coordonnatrices et à en assurer le suivi, dans le cadre "
              "de la mission de service public de l’EHESP (article 6-1-e du RGPD).",
              "The platform processes the data of the people invited to the PACTE programme: surname, first name, "
              "email address, role, region, workplace and preferred language. They are used only to organise and "
              "follow the coordinators’ training, as part of the EHESP’s public-service mission (article 6(1)(e) "
              "of the GDPR)."),
            t("Seuls l’équipe nationale et, pour leur région, les formateurs relais et les partenaires du comité de "
              "pilotage y ont accès. Elles sont conservées pendant la durée de la formation ; les journaux de "
              "connexion sont conservés un an au plus.",
              "Only the national team and, for their region, the regional trainers and the steering committee "
              "partners can see them. They are kept for the length of the training; login logs are kept for one "
              "year at most."),
        ),
        "dpo_name": t("Délégué ou déléguée à la protection des données de l’EHESP",
                      "Data protection officer of the EHESP"),
        "dpo_email": "dpo@pacte.example.org",
        "data_rights": p(
            t("Vous avez le droit d’accéder à vos données, de les faire rectifier ou effacer, d’en faire limiter le "
              "traitement et de vous y opposer. Votre profil vous permet de consulter et de corriger vos données ; "
              "pour toute autre demande, écrivez au délégué à la protection des données.",
              "You have the right to access your data, to have it corrected or erased, to have its processing "
              "restricted and to object to it. Your profile lets you see and correct your data; for anything else, "
              "write to the data protection officer."),
            t("Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez "
              "adresser une réclamation à la Commission nationale de l’informatique et des libertés (CNIL), "
              "3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07, ou en ligne sur www.cnil.fr.",
              "If, after contacting us, you consider that your rights are not respected, you may complain to the "
              "Commission nationale de l’informatique et des libertés (CNIL, the French data protection "
              "authority), 3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07, France, or online at "
              "www.cnil.fr."),
        ),
        "cookies": cookies(),
    }
