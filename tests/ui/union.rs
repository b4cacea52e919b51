use datamimic::Mimic;

#[derive(Mimic)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
