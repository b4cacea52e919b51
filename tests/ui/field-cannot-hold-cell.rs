use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(weighted = "common/person/family_name")]
    family_name: std::net::Ipv4Addr,
}

fn main() {}
