//! A [`CellWriter`] for tests: each cell as text. Datamimic's own unit tests include this
//! file too (by path: they cannot see this crate's test-only items).

use serde::Serialize;

use crate::CellWriter;

/// Collects cells as strings.
#[derive(Default)]
pub(crate) struct Collect {
    pub(crate) cells: Vec<String>,
}

impl CellWriter for Collect {
    type Error = std::convert::Infallible;
    fn text(&mut self, text: &str) -> Result<(), Self::Error> {
        self.cells.push(text.to_owned());
        Ok(())
    }
    fn uint(&mut self, value: u64) -> Result<(), Self::Error> {
        self.cells.push(value.to_string());
        Ok(())
    }
    fn joined(&mut self, parts: &[&str]) -> Result<(), Self::Error> {
        self.cells.push(parts.concat());
        Ok(())
    }
    fn serialized<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Self::Error> {
        self.cells
            .push(serde_json::to_string(value).expect("serializable"));
        Ok(())
    }
    fn position(&self) -> usize {
        self.cells.len()
    }
    fn repeat_cell(&mut self, start: usize, end: usize) -> Result<(), Self::Error> {
        assert_eq!(end, start + 1, "one cell");
        self.cells.push(self.cells[start].clone());
        Ok(())
    }
}
