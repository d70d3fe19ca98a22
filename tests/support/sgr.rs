//! Reading back the colours a program sent: the SGR sequences in its raw
//! output, sorted by the colour level their codes belong to.

// Each test file uses its own part of this module.
#![allow(dead_code)]

/// The kinds of colour the SGR sequences in `raw` set: "16" (30-37, 40-47,
/// 90-97, 100-107), "256" (`38;5;n`, `48;5;n`) and "24-bit" (`38;2;r;g;b`),
/// each with the sequence that set it.
pub fn colour_kinds(raw: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for part in raw.split("\x1b[").skip(1) {
        let Some(end) = part.find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':')) else {
            continue;
        };
        if !part[end..].starts_with('m') {
            continue;
        }
        let params: Vec<u32> = part[..end]
            .split([';', ':'])
            .map(|p| p.parse().unwrap_or(0))
            .collect();
        let mut i = 0;
        while i < params.len() {
            let kind = match params[i] {
                30..=37 | 40..=47 | 90..=97 | 100..=107 => Some("16"),
                38 | 48 => match params.get(i + 1) {
                    Some(5) => {
                        i += 2;
                        Some("256")
                    }
                    Some(2) => {
                        i += 4;
                        Some("24-bit")
                    }
                    _ => Some("other"),
                },
                _ => None,
            };
            if let Some(kind) = kind {
                out.push((kind, part[..end].to_string()));
            }
            i += 1;
        }
    }
    out
}
