use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(weighted = "common/person/family_name")]
    aliases: Vec<&'static str>,
}

fn main() {}
