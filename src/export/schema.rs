//! The JSON Schema of the briefing file, generated from the serde types of
//! the file's shape (`briefing::serialize`), and the tests that keep the
//! committed `schema/briefing.schema.json` equal to it and every export
//! valid against it. `BRIEFING_UPDATE_SCHEMA=1 cargo test schema` rewrites
//! the committed file.

use std::fmt::Write as _;

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::briefing::BriefingFile;

/// Where the schema is committed.
const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/briefing.schema.json");

/// The schema, as committed: draft-07 (what taplo, tombi and most editors
/// read), no `null` for optional fields (TOML has none: a field is absent).
fn generated() -> String {
    let schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<BriefingFile<'_>>();
    let mut value = serde_json::to_value(schema).unwrap_or_default();
    tidy(&mut value);
    if let Value::Object(root) = &mut value {
        root.insert(
            "$comment".to_string(),
            Value::from("Generated from src/briefing/serialize.rs by the test in src/export/schema.rs; do not edit."),
        );
    }
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// Tidies the generated schema for editors: no `null` in `type` lists,
/// descriptions as running text (doc comments wrap), and a choice of
/// constants as an `enum` (one clear error instead of one per choice), its
/// choices listed in the description.
fn tidy(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(d)) = map.get_mut("description") {
                *d = d.replace('\n', " ");
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    map.insert("type".to_string(), only);
                }
            }
            if let Some(Value::Array(choices)) = map.get("oneOf") {
                let consts: Option<Vec<(Value, String)>> = choices
                    .iter()
                    .map(|c| {
                        let value = c.get("const")?.clone();
                        let said = c
                            .get("description")
                            .and_then(Value::as_str)
                            .unwrap_or_default();
                        Some((value, said.replace('\n', " ")))
                    })
                    .collect();
                if let Some(consts) = consts {
                    let mut said = map
                        .get("description")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string();
                    said.push('\n');
                    for (value, what) in &consts {
                        let _ =
                            write!(said, "\n- `{}`: {what}", value.as_str().unwrap_or_default());
                    }
                    map.remove("oneOf");
                    map.insert("type".to_string(), Value::from("string"));
                    map.insert(
                        "enum".to_string(),
                        Value::Array(consts.into_iter().map(|(v, _)| v).collect()),
                    );
                    map.insert("description".to_string(), Value::from(said));
                }
            }
            map.values_mut().for_each(tidy);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;
    use crate::briefing::{BUNDLED, load_bundled, parse};
    use crate::export::{ExportFormat, render};

    /// Validates `instance` against the committed schema; the errors.
    fn validate(instance: &Value) -> Result<(), String> {
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(COMMITTED).unwrap()).unwrap();
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler
            .add_resource("briefing.schema.json", schema)
            .unwrap();
        let index = compiler
            .compile("briefing.schema.json", &mut schemas)
            .unwrap();
        schemas
            .validate(instance, index)
            .map_err(|e| format!("{e:#}"))
    }

    /// A TOML briefing file as JSON data.
    fn toml_as_json(text: &str) -> Value {
        let table: toml::Table = toml::from_str(text).unwrap();
        serde_json::to_value(table).unwrap()
    }

    #[test]
    fn the_committed_schema_is_the_generated_one() {
        let generated = generated();
        if std::env::var_os("BRIEFING_UPDATE_SCHEMA").is_some() {
            std::fs::write(COMMITTED, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
        assert!(
            committed == generated,
            "schema/briefing.schema.json differs from the model: run BRIEFING_UPDATE_SCHEMA=1 cargo test schema"
        );
    }

    #[test]
    fn the_json_export_validates_against_the_schema() {
        let b = load_bundled().unwrap();
        let json: Value = serde_json::from_str(&render(&b, ExportFormat::Json).unwrap()).unwrap();
        validate(&json).unwrap();
        // Actors by id, not by index.
        assert_eq!(
            json["quotes"][0]["speaker"],
            "suedkoreanischer-verteidigungsminister"
        );
        assert_eq!(json["relations"][0]["from"], "nordkorea");
    }

    #[test]
    fn the_json_export_loads_back_as_the_same_briefing() {
        let b = load_bundled().unwrap();
        let json: Value = serde_json::from_str(&render(&b, ExportFormat::Json).unwrap()).unwrap();
        let as_toml = toml::to_string(&json).unwrap();
        assert_eq!(parse(&as_toml, "export").unwrap(), b);
    }

    #[test]
    fn the_bundled_file_itself_validates_for_editors() {
        validate(&toml_as_json(BUNDLED)).unwrap();
    }

    #[test]
    fn what_the_loader_refuses_for_its_shape_the_schema_refuses_too() {
        let base = "schema = 1\nlang = \"de\"\ntitle = \"T\"\n";
        validate(&toml_as_json(base)).unwrap();
        for bad in [
            "schema = 1\nlang = \"de\"\n",
            "schema = 2\nlang = \"de\"\ntitle = \"T\"\n",
            "schema = 1\nlang = \"deutsch!\"\ntitle = \"T\"\n",
            "schema = 1\nlang = \"de\"\ntitle = \"T\"\ncolour = \"red\"\n",
            "schema = 1\nlang = \"de\"\ntitle = \"\"\n",
            &format!("{base}[[actors]]\nid = \"Putin!\"\nname = \"P\"\nkind = \"person\"\n"),
            &format!("{base}[[actors]]\nid = \"p\"\nname = \"P\"\nkind = \"robot\"\n"),
            &format!("{base}[[quotes]]\ntext = \"x\"\n"),
            &format!("{base}[[sections]]\nheading = \"h\"\n"),
            &format!("{base}[[sources]]\nname = \"n\"\nkind = \"blog\"\n"),
        ] {
            assert!(parse(bad, "bad").is_err(), "the loader takes {bad:?}");
            assert!(
                validate(&toml_as_json(bad)).is_err(),
                "the schema takes {bad:?}"
            );
        }
    }

    #[test]
    fn a_draft_validates_for_editors() {
        let article = include_str!("../../content/sources/article.de.txt");
        let draft =
            crate::provenance::draft_text(article, "article.de.txt", "article.de.txt").unwrap();
        validate(&toml_as_json(&draft)).unwrap();
    }
}
