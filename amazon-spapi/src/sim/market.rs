//! Static marketplace data (from `marketplaces.tsv`) and the name/address pools the generator draws from.

/// One Amazon marketplace the simulator knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarketplaceInfo {
    /// Two-letter code as in `marketplaces.tsv` (`UK` for the United Kingdom).
    pub code: &'static str,
    /// ISO country code used in addresses (`GB` for the United Kingdom).
    pub country: &'static str,
    /// Marketplace id.
    pub id: &'static str,
    /// Region (`NA`, `EU`, `FE`).
    pub region: &'static str,
    /// Currency.
    pub currency: &'static str,
    /// Display name, for example `Amazon.com`.
    pub name: &'static str,
    /// Domain.
    pub domain: &'static str,
    /// Default language.
    pub language: &'static str,
    /// VAT/GST/consumption tax rate in percent included in prices (0: tax added on top, US style).
    pub included_tax_pct: u32,
    /// Decimal places of the currency.
    pub decimals: u32,
    /// Order id prefixes Amazon uses in this marketplace.
    pub order_prefixes: &'static [&'static str],
}

/// The marketplaces the simulator can generate orders for.
pub const MARKETPLACES: &[MarketplaceInfo] = &[
    MarketplaceInfo {
        code: "US",
        country: "US",
        id: "ATVPDKIKX0DER",
        region: "NA",
        currency: "USD",
        name: "Amazon.com",
        domain: "www.amazon.com",
        language: "en_US",
        included_tax_pct: 0,
        decimals: 2,
        order_prefixes: &["111", "112", "113", "114"],
    },
    MarketplaceInfo {
        code: "CA",
        country: "CA",
        id: "A2EUQ1WTGCTBG2",
        region: "NA",
        currency: "CAD",
        name: "Amazon.ca",
        domain: "www.amazon.ca",
        language: "en_CA",
        included_tax_pct: 0,
        decimals: 2,
        order_prefixes: &["701", "702"],
    },
    MarketplaceInfo {
        code: "MX",
        country: "MX",
        id: "A1AM78C64UM0Y8",
        region: "NA",
        currency: "MXN",
        name: "Amazon.com.mx",
        domain: "www.amazon.com.mx",
        language: "es_MX",
        included_tax_pct: 16,
        decimals: 2,
        order_prefixes: &["701"],
    },
    MarketplaceInfo {
        code: "UK",
        country: "GB",
        id: "A1F83G8C2ARO7P",
        region: "EU",
        currency: "GBP",
        name: "Amazon.co.uk",
        domain: "www.amazon.co.uk",
        language: "en_GB",
        included_tax_pct: 20,
        decimals: 2,
        order_prefixes: &["202", "203", "204", "206"],
    },
    MarketplaceInfo {
        code: "DE",
        country: "DE",
        id: "A1PA6795UKMFR9",
        region: "EU",
        currency: "EUR",
        name: "Amazon.de",
        domain: "www.amazon.de",
        language: "de_DE",
        included_tax_pct: 19,
        decimals: 2,
        order_prefixes: &["302", "303", "304", "305", "306"],
    },
    MarketplaceInfo {
        code: "FR",
        country: "FR",
        id: "A13V1IB3VIYZZH",
        region: "EU",
        currency: "EUR",
        name: "Amazon.fr",
        domain: "www.amazon.fr",
        language: "fr_FR",
        included_tax_pct: 20,
        decimals: 2,
        order_prefixes: &["403", "405", "407"],
    },
    MarketplaceInfo {
        code: "IT",
        country: "IT",
        id: "APJ6JRA9NG5V4",
        region: "EU",
        currency: "EUR",
        name: "Amazon.it",
        domain: "www.amazon.it",
        language: "it_IT",
        included_tax_pct: 22,
        decimals: 2,
        order_prefixes: &["402", "404"],
    },
    MarketplaceInfo {
        code: "ES",
        country: "ES",
        id: "A1RKKUPIHCS9HS",
        region: "EU",
        currency: "EUR",
        name: "Amazon.es",
        domain: "www.amazon.es",
        language: "es_ES",
        included_tax_pct: 21,
        decimals: 2,
        order_prefixes: &["406", "408"],
    },
    MarketplaceInfo {
        code: "JP",
        country: "JP",
        id: "A1VC38T7YXB528",
        region: "FE",
        currency: "JPY",
        name: "Amazon.co.jp",
        domain: "www.amazon.co.jp",
        language: "ja_JP",
        included_tax_pct: 10,
        decimals: 0,
        order_prefixes: &["249", "250", "503"],
    },
    MarketplaceInfo {
        code: "AU",
        country: "AU",
        id: "A39IBJ37TRP1C6",
        region: "FE",
        currency: "AUD",
        name: "Amazon.com.au",
        domain: "www.amazon.com.au",
        language: "en_AU",
        included_tax_pct: 10,
        decimals: 2,
        order_prefixes: &["249", "250"],
    },
];

/// Looks a marketplace up by code (`US`) or id (`ATVPDKIKX0DER`).
pub fn marketplace(code_or_id: &str) -> Option<&'static MarketplaceInfo> {
    MARKETPLACES
        .iter()
        .find(|m| m.code == code_or_id || m.id == code_or_id)
}

/// Whether the marketplace is in the European Union (IOSS applies to imports into it).
pub fn in_eu(m: &MarketplaceInfo) -> bool {
    matches!(m.code, "DE" | "FR" | "IT" | "ES")
}

/// A postal address template: (name, line1, line2, city, state/region, postal code, phone).
pub type AddressTemplate = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// Address pools per address country.
pub fn address_pool(country: &str) -> &'static [AddressTemplate] {
    match country {
        "US" => &[
            (
                "Jane Doe",
                "1200 Pine Street",
                "Apt 4B",
                "Seattle",
                "WA",
                "98101",
                "+1 206-555-0101",
            ),
            (
                "Carlos Rivera",
                "77 Elm Avenue",
                "",
                "Austin",
                "TX",
                "78701",
                "+1 512-555-0144",
            ),
            (
                "Mary O'Neil",
                "5 Harbor Road",
                "Suite 300",
                "Boston",
                "MA",
                "02110",
                "+1 617-555-0190",
            ),
            (
                "Kim Nguyen",
                "930 Sunset Blvd",
                "",
                "Los Angeles",
                "CA",
                "90028",
                "+1 323-555-0117",
            ),
            (
                "Robert Brown",
                "18 Maple Court",
                "",
                "Columbus",
                "OH",
                "43004",
                "+1 614-555-0175",
            ),
        ],
        "CA" => &[
            (
                "Emily Tremblay",
                "350 Rue Sainte-Catherine",
                "App 12",
                "Montréal",
                "QC",
                "H2X 1L4",
                "+1 514-555-0133",
            ),
            (
                "Liam Wilson",
                "88 King Street W",
                "",
                "Toronto",
                "ON",
                "M5H 1A1",
                "+1 416-555-0162",
            ),
        ],
        "MX" => &[
            (
                "José Hernández",
                "Av. Reforma 222",
                "Piso 3",
                "Ciudad de México",
                "CDMX",
                "06600",
                "+52 55 5555 0101",
            ),
            (
                "Lucía Martínez",
                "Calle Morelos 45",
                "",
                "Guadalajara",
                "JAL",
                "44100",
                "+52 33 5555 0123",
            ),
        ],
        "GB" => &[
            (
                "Oliver Smith",
                "10 Downing Lane",
                "Flat 2",
                "London",
                "Greater London",
                "SW1A 2AA",
                "+44 20 7946 0018",
            ),
            (
                "Amelia Jones",
                "42 Castle Street",
                "",
                "Edinburgh",
                "Scotland",
                "EH2 3AT",
                "+44 131 496 0022",
            ),
        ],
        "DE" => &[
            (
                "Jürgen Müller",
                "Hauptstraße 12",
                "3. OG",
                "Berlin",
                "Berlin",
                "10115",
                "+49 30 12345678",
            ),
            (
                "Anna Schäfer",
                "Königsallee 5",
                "",
                "Düsseldorf",
                "NRW",
                "40212",
                "+49 211 9876543",
            ),
            (
                "Lukas Weiß",
                "Maximilianstraße 40",
                "",
                "München",
                "Bayern",
                "80539",
                "+49 89 5550123",
            ),
        ],
        "FR" => &[
            (
                "Élodie Durand",
                "15 Rue de la Paix",
                "Bât. B",
                "Paris",
                "Île-de-France",
                "75002",
                "+33 1 42 68 53 00",
            ),
            (
                "François Lefèvre",
                "8 Quai des Chartrons",
                "",
                "Bordeaux",
                "Nouvelle-Aquitaine",
                "33000",
                "+33 5 56 00 00 00",
            ),
        ],
        "IT" => &[
            (
                "Giulia Rossi",
                "Via del Corso 101",
                "Scala A",
                "Roma",
                "RM",
                "00186",
                "+39 06 5555 0101",
            ),
            (
                "Marco Bianchi",
                "Corso Buenos Aires 33",
                "",
                "Milano",
                "MI",
                "20124",
                "+39 02 5555 0123",
            ),
        ],
        "ES" => &[
            (
                "Lucía García",
                "Calle Mayor 7",
                "2º Izq.",
                "Madrid",
                "Madrid",
                "28013",
                "+34 91 555 0101",
            ),
            (
                "Javier López",
                "Passeig de Gràcia 92",
                "",
                "Barcelona",
                "Barcelona",
                "08008",
                "+34 93 555 0123",
            ),
        ],
        "JP" => &[
            (
                "山田 太郎",
                "神南1-2-3",
                "渋谷マンション101",
                "渋谷区",
                "東京都",
                "150-0041",
                "03-1234-5678",
            ),
            (
                "佐藤 花子",
                "梅田3丁目4-5",
                "梅田ハイツ502",
                "大阪市北区",
                "大阪府",
                "530-0001",
                "06-2345-6789",
            ),
            (
                "鈴木 一郎",
                "栄2-10-19",
                "",
                "名古屋市中区",
                "愛知県",
                "460-0008",
                "052-345-6789",
            ),
            (
                "高橋 美咲",
                "中央1-1-1",
                "札幌ビル8階",
                "札幌市中央区",
                "北海道",
                "060-0001",
                "011-456-7890",
            ),
        ],
        "AU" => &[
            (
                "Jack Taylor",
                "12 George Street",
                "Unit 5",
                "Sydney",
                "NSW",
                "2000",
                "+61 2 5550 0101",
            ),
            (
                "Chloe Wilson",
                "220 Collins Street",
                "",
                "Melbourne",
                "VIC",
                "3000",
                "+61 3 5550 0123",
            ),
        ],
        _ => &[(
            "Alex Buyer",
            "1 Main Street",
            "",
            "Springfield",
            "",
            "00000",
            "+1 555-0100",
        )],
    }
}

/// Words for product titles: (adjectives, nouns).
pub const TITLE_ADJECTIVES: &[&str] = &[
    "Classic",
    "Compact",
    "Deluxe",
    "Eco",
    "Heavy-Duty",
    "Lightweight",
    "Premium",
    "Travel",
    "Vintage",
    "Smart",
];
/// Nouns for product titles.
pub const TITLE_NOUNS: &[&str] = &[
    "Water Bottle",
    "Camping Lantern",
    "Coffee Grinder",
    "Yoga Mat",
    "Backpack",
    "Desk Lamp",
    "Cutting Board",
    "Phone Stand",
    "Tea Kettle",
    "Notebook Set",
    "Bike Light",
    "Picture Frame",
];
/// Japanese product titles.
pub const TITLES_JA: &[&str] = &[
    "ステンレス 水筒 500ml",
    "木製 まな板 大サイズ",
    "LED デスクライト 調光",
    "折りたたみ 傘 軽量",
    "陶器 マグカップ 2個セット",
    "竹製 お箸 5膳",
];
/// Handmade titles.
pub const TITLES_HANDMADE: &[&str] = &[
    "Personalized Wooden Cutting Board, Engraved",
    "Hand-Thrown Ceramic Mug, Custom Glaze",
    "Custom Name Necklace, Sterling Silver",
    "Hand-Knit Wool Scarf, Made to Order",
    "Engraved Leather Wallet, Monogram",
];
/// Condition notes for used items.
pub const CONDITION_NOTES: &[&str] = &[
    "Minor scuffs on the box; item unused.",
    "Light wear on the corners, works perfectly.",
    "Original packaging missing; all accessories included.",
    "Small scratch on the back, not visible in use.",
];
/// Gift messages.
pub const GIFT_MESSAGES: &[&str] = &[
    "Happy birthday! Love, Sam",
    "Congratulations on the new home!",
    "Merry Christmas from all of us",
    "お誕生日おめでとう！",
    "Alles Gute zum Geburtstag!",
];
/// Buyer cancellation reasons.
pub const BUYER_CANCEL_REASONS: &[&str] = &[
    "Order placed by mistake",
    "Found a better price",
    "Delivery time is too long",
    "Need to change address",
];
