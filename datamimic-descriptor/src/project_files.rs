//! Data files a descriptor names (`<include uri="*.properties">`, `source="*.ent.csv"`):
//! relative to the naming file's folder and never outside the top descriptor's folder, so a
//! descriptor cannot read arbitrary files of the machine it runs on.

use std::path::{Component, Path, PathBuf};

/// The file `uri` names, written in a descriptor file inside folder `base`, checked to lie in
/// `root` (the canonical folder of the top descriptor); the error says why not.
pub fn resolve(root: &Path, base: &Path, uri: &str) -> Result<PathBuf, String> {
    let relative = Path::new(uri);
    if uri.is_empty() {
        return Err("the file name is empty".to_owned());
    }
    if relative.is_absolute()
        || relative
            .components()
            .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
    {
        return Err(format!(
            "`{uri}` must be a path inside the descriptor's folder (no absolute path, no `..`)"
        ));
    }
    let joined = base.join(relative);
    let canonical =
        std::fs::canonicalize(&joined).map_err(|e| format!("cannot read `{uri}`: {e}"))?;
    // A symbolic link may still point outside.
    if !canonical.starts_with(root) {
        return Err(format!("`{uri}` lies outside the descriptor's folder"));
    }
    Ok(canonical)
}

/// The canonical folder of the descriptor at `path`.
pub fn root_of(path: &Path) -> std::io::Result<PathBuf> {
    let canonical = std::fs::canonicalize(path)?;
    Ok(canonical
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or(canonical))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_must_stay_inside() {
        let root = std::env::temp_dir();
        for bad in ["../x.csv", "/etc/passwd", "a/../../x.csv", ""] {
            assert!(resolve(&root, &root, bad).is_err(), "{bad}");
        }
    }
}
