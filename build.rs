//! Embeds the message catalogue: every `locales/<lang>/<area>.ftl` file is
//! compiled into the binary, so the tool stays one offline file. Listing the
//! directory here (rather than by hand in the source) lets an area's messages
//! live in their own file.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // The manifest directory of this build, read when the script runs: a
    // compiled-in path would point at whichever checkout first built it.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("locales");
    println!("cargo:rerun-if-changed=locales");
    let mut files = Vec::new();
    let mut langs: Vec<_> = std::fs::read_dir(&root)
        .expect("locales/ exists")
        .map(|e| e.expect("read locales/").path())
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    for dir in langs {
        println!("cargo:rerun-if-changed={}", dir.display());
        let lang = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut ftl: Vec<_> = std::fs::read_dir(&dir)
            .expect("read a locale directory")
            .map(|e| e.expect("read a locale directory").path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        ftl.sort();
        for f in ftl {
            println!("cargo:rerun-if-changed={}", f.display());
            let area = f.file_stem().unwrap().to_string_lossy().into_owned();
            files.push((lang.clone(), area, f));
        }
    }
    let mut out = String::from("/// (language, area, text) of every catalogue file.\n");
    out.push_str("pub const FILES: &[(&str, &str, &str)] = &[\n");
    for (lang, area, path) in files {
        writeln!(
            out,
            "    ({lang:?}, {area:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogue_files.rs");
    std::fs::write(dest, out).expect("write catalogue_files.rs");
}
