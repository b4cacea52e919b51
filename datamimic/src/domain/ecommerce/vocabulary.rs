//! Small fixed word lists without a published frequency (colours, coupon codes, order notes),
//! in English and German; drawn uniformly. Illustrative, like datamimic-ce's own lists.

/// Product colours.
pub(crate) const COLORS_EN: &[&str] = &[
    "Black", "White", "Silver", "Grey", "Blue", "Red", "Green", "Beige", "Brown", "Navy", "Pink",
    "Gold",
];
/// Product colours in German.
pub(crate) const COLORS_DE: &[&str] = &[
    "Schwarz",
    "Weiß",
    "Silber",
    "Grau",
    "Blau",
    "Rot",
    "Grün",
    "Beige",
    "Braun",
    "Marineblau",
    "Rosa",
    "Gold",
];

/// Coupon codes with the percentage they take off the subtotal: the code names its discount.
pub(crate) const COUPONS: &[(&str, u32)] = &[
    ("SAVE5", 5),
    ("SAVE10", 10),
    ("WELCOME10", 10),
    ("SPRING15", 15),
    ("VIP20", 20),
];

/// Delivery notes a customer may leave.
pub(crate) const NOTES_EN: &[&str] = &[
    "Leave at the front door",
    "Please ring the bell",
    "Gift wrap, please",
    "Deliver to the back entrance",
    "Call on arrival",
    "Leave with a neighbour if nobody is home",
];
/// Delivery notes in German.
pub(crate) const NOTES_DE: &[&str] = &[
    "Bitte vor der Haustür abstellen",
    "Bitte klingeln",
    "Bitte als Geschenk verpacken",
    "Beim Nachbarn abgeben",
    "Bitte vorher anrufen",
    "In der Garage abstellen",
];
