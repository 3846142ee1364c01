// Embedded migrations and compiled-in assets go stale unless cargo knows to
// rebuild when they change.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=seed");
    println!("cargo:rerun-if-changed=static");
    println!("cargo:rerun-if-changed=templates");
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=build.rs");
    english_message_ids();
}

/// The ids of every English message, so that a language read at start can
/// say how many of them it lacks (the compiled-in bundles cannot list them).
fn english_message_ids() {
    let mut ids = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir("locales/en")
        .expect("locales/en")
        .map(|entry| entry.expect("locales/en entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("an English message file");
        // A message starts its line with its id and `=`; terms start with
        // `-`, comments with `#`, continuations with a space.
        ids.extend(text.lines().filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            let mut chars = id.chars();
            (chars.next()?.is_ascii_alphabetic()
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .then(|| format!("{id:?}"))
        }));
    }
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR"))
        .join("english_message_ids.rs");
    std::fs::write(out, format!("&[{}]", ids.join(", "))).expect("OUT_DIR is writable");
}
