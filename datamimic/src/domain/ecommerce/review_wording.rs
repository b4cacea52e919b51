//! The words reviews are assembled from, by sentiment and language: a title, an opening on the
//! product, a remark on one aspect and a closing. Illustrative phrases, drawn uniformly; the
//! sentiment follows the star rating so a one-star review never praises.

/// Phrases of one sentiment in one language.
pub(crate) struct Wording {
    /// Review titles.
    pub(crate) titles: &'static [&'static str],
    /// Openings; `{}` is the product's name.
    pub(crate) openings: &'static [&'static str],
    /// Remarks on one aspect.
    pub(crate) remarks: &'static [&'static str],
    /// Closings.
    pub(crate) closings: &'static [&'static str],
}

/// The wording of a rating (1 to 5 stars) in English or German: negative for 1 and 2 stars,
/// mixed for 3, positive for 4 and 5.
pub(crate) fn wording(rating: u8, german: bool) -> &'static Wording {
    match (rating, german) {
        (1 | 2, false) => &NEGATIVE_EN,
        (3, false) => &MIXED_EN,
        (_, false) => &POSITIVE_EN,
        (1 | 2, true) => &NEGATIVE_DE,
        (3, true) => &MIXED_DE,
        (_, true) => &POSITIVE_DE,
    }
}

const POSITIVE_EN: Wording = Wording {
    titles: &[
        "Exactly what I needed",
        "Great value",
        "Highly recommend",
        "Works perfectly",
        "Very happy with it",
        "Excellent quality",
    ],
    openings: &[
        "The {} arrived quickly and well packed.",
        "I have been using the {} for a few weeks now.",
        "Bought the {} as a replacement and it does the job.",
        "The {} looks just like the pictures.",
    ],
    remarks: &[
        "The build quality is better than expected.",
        "Setup took only a few minutes.",
        "It feels sturdy and well made.",
        "Good value for the price.",
        "It does everything the description promises.",
    ],
    closings: &[
        "Would buy again.",
        "Recommended.",
        "Five stars from me.",
        "Very satisfied.",
    ],
};

const MIXED_EN: Wording = Wording {
    titles: &[
        "Okay for the price",
        "Does the job",
        "Average",
        "Mixed feelings",
    ],
    openings: &[
        "The {} is fine, but nothing special.",
        "The {} arrived on time.",
        "I expected a bit more from the {}.",
    ],
    remarks: &[
        "The material feels a little cheap.",
        "The instructions could be clearer.",
        "It works, although it is smaller than I thought.",
        "Delivery took longer than stated.",
    ],
    closings: &[
        "Acceptable for everyday use.",
        "Not sure I would buy it again.",
        "It is okay.",
    ],
};

const NEGATIVE_EN: Wording = Wording {
    titles: &[
        "Disappointed",
        "Not as described",
        "Stopped working",
        "Would not recommend",
        "Poor quality",
    ],
    openings: &[
        "The {} broke after a few days.",
        "The {} does not match the description.",
        "Unfortunately the {} arrived damaged.",
    ],
    remarks: &[
        "The quality is poor.",
        "Customer service did not help.",
        "Parts were missing from the box.",
        "It stopped working after the first use.",
    ],
    closings: &[
        "I am returning it.",
        "Save your money.",
        "Very disappointing.",
    ],
};

const POSITIVE_DE: Wording = Wording {
    titles: &[
        "Genau das Richtige",
        "Top Preis-Leistung",
        "Klare Kaufempfehlung",
        "Funktioniert einwandfrei",
        "Sehr zufrieden",
        "Hervorragende Qualität",
    ],
    openings: &[
        "Der Artikel {} kam schnell und gut verpackt an.",
        "Ich nutze {} jetzt seit ein paar Wochen.",
        "{} als Ersatz gekauft und erfüllt seinen Zweck.",
        "{} sieht genauso aus wie auf den Bildern.",
    ],
    remarks: &[
        "Die Verarbeitung ist besser als erwartet.",
        "Die Einrichtung dauerte nur wenige Minuten.",
        "Fühlt sich stabil und hochwertig an.",
        "Gutes Preis-Leistungs-Verhältnis.",
        "Hält, was die Beschreibung verspricht.",
    ],
    closings: &[
        "Würde ich wieder kaufen.",
        "Empfehlenswert.",
        "Volle Punktzahl.",
        "Sehr zufrieden.",
    ],
};

const MIXED_DE: Wording = Wording {
    titles: &[
        "Für den Preis in Ordnung",
        "Erfüllt seinen Zweck",
        "Durchschnittlich",
        "Gemischte Gefühle",
    ],
    openings: &[
        "{} ist in Ordnung, aber nichts Besonderes.",
        "{} kam pünktlich an.",
        "Von {} hatte ich etwas mehr erwartet.",
    ],
    remarks: &[
        "Das Material wirkt etwas billig.",
        "Die Anleitung könnte klarer sein.",
        "Funktioniert, ist aber kleiner als gedacht.",
        "Die Lieferung dauerte länger als angegeben.",
    ],
    closings: &[
        "Für den Alltag ausreichend.",
        "Ob ich es wieder kaufen würde, weiß ich nicht.",
        "Geht so.",
    ],
};

const NEGATIVE_DE: Wording = Wording {
    titles: &[
        "Enttäuscht",
        "Nicht wie beschrieben",
        "Nach kurzer Zeit defekt",
        "Keine Empfehlung",
        "Schlechte Qualität",
    ],
    openings: &[
        "{} war nach wenigen Tagen kaputt.",
        "{} entspricht nicht der Beschreibung.",
        "Leider kam {} beschädigt an.",
    ],
    remarks: &[
        "Die Qualität ist schlecht.",
        "Der Kundenservice konnte nicht helfen.",
        "Im Karton fehlten Teile.",
        "Nach dem ersten Einsatz funktionierte es nicht mehr.",
    ],
    closings: &["Geht zurück.", "Spart euch das Geld.", "Sehr enttäuschend."],
};
