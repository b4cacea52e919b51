//! Word lists the public-sector tables lack, in English and German: services, departments,
//! titles, opening hours, facilities, accreditors and police units. Drawn uniformly
//! (illustrative, as datamimic-ce's own lists); the accreditor names are real bodies.

/// English (`false`) or German (`true`) variant of a list.
pub(crate) fn by_language<T: ?Sized>(german: bool, en: &'static T, de: &'static T) -> &'static T {
    if german { de } else { en }
}

/// Services an administration office offers.
pub(crate) const SERVICES_EN: &[&str] = &[
    "Permits",
    "Business Licenses",
    "Public Records",
    "Property Tax Payments",
    "Voter Registration",
    "Building Inspections",
    "Marriage Licenses",
    "Social Services",
    "Parking Permits",
    "Birth Certificates",
];
/// Services in German.
pub(crate) const SERVICES_DE: &[&str] = &[
    "Personalausweis",
    "Reisepass",
    "Meldebescheinigung",
    "Gewerbeanmeldung",
    "Baugenehmigung",
    "Kfz-Zulassung",
    "Führungszeugnis",
    "Wohngeld",
    "Eheschließung",
    "Bewohnerparkausweis",
];

/// Departments of an administration office.
pub(crate) const DEPARTMENTS_EN: &[&str] = &[
    "Finance",
    "Human Resources",
    "Public Works",
    "Planning",
    "Legal",
    "Information Technology",
    "Communications",
    "Community Services",
    "Records",
    "Code Enforcement",
];
/// Departments in German.
pub(crate) const DEPARTMENTS_DE: &[&str] = &[
    "Kämmerei",
    "Personalamt",
    "Bauamt",
    "Ordnungsamt",
    "Bürgeramt",
    "Rechtsamt",
    "Stadtplanungsamt",
    "Sozialamt",
    "Standesamt",
    "IT-Service",
];

/// Titles of an office's head and deputy.
pub(crate) const LEADER_TITLES_EN: [&str; 2] = ["Director", "Deputy Director"];
/// Titles in German.
pub(crate) const LEADER_TITLES_DE: [&str; 2] = ["Amtsleitung", "Stellvertretende Amtsleitung"];

/// Opening hours.
pub(crate) const HOURS_EN: &[&str] = &[
    "Mon-Fri 8:00 AM-5:00 PM",
    "Mon-Fri 8:30 AM-4:30 PM",
    "Mon-Fri 9:00 AM-5:00 PM",
    "Mon-Thu 7:30 AM-6:00 PM",
];
/// Opening hours in German.
pub(crate) const HOURS_DE: &[&str] = &[
    "Mo-Fr 08:00-12:00, Do 14:00-18:00",
    "Mo-Mi 08:00-16:00, Do 08:00-18:00, Fr 08:00-12:00",
    "Mo-Fr 07:30-15:30",
    "Mo, Di, Do 08:00-12:00 und 13:30-15:30, Fr 08:00-12:00",
];

/// Facilities of schools (`[0]`) and of colleges and universities (`[1]`).
pub(crate) const FACILITIES_EN: [&[&str]; 2] = [
    &[
        "Library",
        "Gymnasium",
        "Cafeteria",
        "Science Lab",
        "Computer Lab",
        "Auditorium",
        "Sports Field",
        "Music Room",
        "Art Studio",
    ],
    &[
        "Library",
        "Research Center",
        "Student Center",
        "Dormitories",
        "Computer Lab",
        "Sports Complex",
        "Auditorium",
        "Laboratories",
        "Career Center",
        "Health Center",
    ],
];
/// Facilities in German.
pub(crate) const FACILITIES_DE: [&[&str]; 2] = [
    &[
        "Bibliothek",
        "Turnhalle",
        "Mensa",
        "Naturwissenschaftsraum",
        "Computerraum",
        "Aula",
        "Sportplatz",
        "Musikraum",
        "Kunstraum",
    ],
    &[
        "Bibliothek",
        "Forschungszentrum",
        "Studierendenzentrum",
        "Wohnheim",
        "Rechenzentrum",
        "Hochschulsport",
        "Audimax",
        "Labore",
        "Career Service",
        "Mensa",
    ],
];

/// The US regional accreditor of higher education by state (the six institutional
/// accreditors recognised by the US Department of Education, by their home regions).
pub(crate) fn us_accreditor(state_code: &str) -> &'static str {
    match state_code {
        "CT" | "ME" | "MA" | "NH" | "RI" | "VT" => "New England Commission of Higher Education",
        "DE" | "DC" | "MD" | "NJ" | "NY" | "PA" | "PR" | "VI" => {
            "Middle States Commission on Higher Education"
        }
        "AL" | "FL" | "GA" | "KY" | "LA" | "MS" | "NC" | "SC" | "TN" | "TX" | "VA" => {
            "Southern Association of Colleges and Schools Commission on Colleges"
        }
        "CA" | "HI" | "GU" => "WASC Senior College and University Commission",
        "AK" | "ID" | "MT" | "NV" | "OR" | "UT" | "WA" => {
            "Northwest Commission on Colleges and Universities"
        }
        _ => "Higher Learning Commission",
    }
}

/// US school accreditor (Cognia, formerly AdvancED).
pub(crate) const US_SCHOOL_ACCREDITOR: &str = "Cognia";
/// German programme accreditation agencies (all registered with the Akkreditierungsrat).
pub(crate) const DE_AGENCIES: &[&str] = &["ACQUIN", "AQAS", "ASIIN", "FIBAA", "ZEvA", "evalag"];
/// The German accreditation council.
pub(crate) const DE_COUNCIL: &str = "Stiftung Akkreditierungsrat";

/// Police units.
pub(crate) const UNITS_EN: &[&str] = &[
    "Patrol",
    "Traffic",
    "Investigations",
    "Narcotics",
    "K-9",
    "SWAT",
    "Community Policing",
    "Cyber Crime",
    "Homicide",
    "Internal Affairs",
];
/// Police units in German.
pub(crate) const UNITS_DE: &[&str] = &[
    "Schutzpolizei",
    "Kriminalpolizei",
    "Verkehrspolizei",
    "Bereitschaftspolizei",
    "Wasserschutzpolizei",
    "Spezialeinsatzkommando",
    "Diensthundführerstaffel",
    "Cybercrime",
    "Staatsschutz",
    "Polizeiinspektion",
];
