//! The main job (being written): lists the marketplaces OrderHub knows.
fn main() {
    println!("OrderHub quickstart: being written");
}
