//! XML files as record sources (`source="script/book.template.xml"`), as DATAMIMIC reads
//! them (xmltodict's convention): every child element of the root is a row; an element with
//! neither attributes nor child elements is its text (null when empty), any other is a dict
//! with its attributes as `@name`, its child elements by name (a list where a name repeats)
//! and its text, if any besides them, as `#text`. Values are text, as in the file. The rows
//! are those of a JSON source ([`crate::json_source`]).

use std::path::Path;

use anyhow::{Result, anyhow};
use rhai::Dynamic;

use crate::json_source::JsonRows;
use crate::record::Node;

/// Reads the file at `path` (shown as `name` in errors).
pub fn read(path: &Path, name: &str) -> Result<JsonRows> {
    let text = std::fs::read_to_string(path).map_err(|e| anyhow!("cannot read `{name}`: {e}"))?;
    let document = roxmltree::Document::parse(&text).map_err(|e| {
        let at = e.pos();
        // roxmltree ends its message with the position, which leads this one.
        let message = e.to_string();
        let message = message.rsplit_once(" at ").map_or(&*message, |(m, _)| m);
        anyhow!("{name}:{}:{}: not valid XML: {message}", at.row, at.col)
    })?;
    let rows = document
        .root_element()
        .children()
        .filter(roxmltree::Node::is_element)
        .map(|row| match element(row) {
            Node::Map(fields) => fields,
            // A row without attributes or children: its text under its own name.
            text => vec![(row.tag_name().name().to_owned(), text)],
        })
        .collect();
    Ok(JsonRows {
        name: name.to_owned(),
        rows,
    })
}

/// An element as xmltodict has it.
fn element(node: roxmltree::Node<'_, '_>) -> Node {
    let mut fields: Vec<(String, Node)> = node
        .attributes()
        .map(|a| (format!("@{}", a.name()), Node::Value(a.value().into())))
        .collect();
    let mut text = String::new();
    let mut has_children = false;
    for child in node.children() {
        if child.is_text() {
            text.push_str(child.text().unwrap_or_default());
        }
        if !child.is_element() {
            continue;
        }
        has_children = true;
        let name = child.tag_name().name();
        let value = element(child);
        match fields.iter_mut().find(|(k, _)| k == name) {
            Some((_, Node::List(items))) => items.push(value),
            Some((_, first)) => {
                let first = std::mem::replace(first, Node::List(Vec::new()));
                if let Some((_, Node::List(items))) = fields.iter_mut().find(|(k, _)| k == name) {
                    items.extend([first, value]);
                }
            }
            None => fields.push((name.to_owned(), value)),
        }
    }
    let text = text.trim();
    if fields.is_empty() && !has_children {
        return Node::Value(if text.is_empty() {
            Dynamic::UNIT
        } else {
            text.into()
        });
    }
    if !text.is_empty() {
        fields.push(("#text".to_owned(), Node::Value(text.into())));
    }
    Node::Map(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(xml: &str) -> Result<String> {
        let dir = std::env::temp_dir().join(format!("dm-xml-source-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        static FILES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = FILES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = dir.join(format!("{n}.xml"));
        std::fs::write(&path, xml).unwrap();
        let rows = read(&path, "t.xml");
        let _ = std::fs::remove_file(&path);
        Ok(serde_json::to_string(
            &rows?.rows.into_iter().map(Node::Map).collect::<Vec<_>>(),
        )?)
    }

    #[test]
    fn elements_become_rows_as_xmltodict_reads_them() {
        let xml = r#"<list>
  <item id="1"><title language="en">Rust</title><author>Ann</author><tag>a</tag><tag>b</tag><note/></item>
  <item><title>XML</title><contact><phone type="home">12</phone></contact></item>
</list>"#;
        assert_eq!(
            rows(xml).unwrap(),
            r##"[{"@id":"1","title":{"@language":"en","#text":"Rust"},"author":"Ann","tag":["a","b"],"note":null},{"title":"XML","contact":{"phone":{"@type":"home","#text":"12"}}}]"##
        );
    }

    #[test]
    fn a_malformed_file_is_named_with_its_place() {
        let message = rows("<list>\n  <item><b></item>\n</list>")
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("t.xml:2:") && message.contains("not valid XML"),
            "{message}"
        );
    }
}
