//! `briefing`: a terminal reader for news briefings.
//!
//! Data flows one way: file → [`briefing::Briefing`] → `App` → view.

#![cfg_attr(test, allow(clippy::string_slice))]

pub mod app;
pub mod briefing;
pub mod bundled;
pub mod cli;
pub mod doc;
pub mod emit;
pub mod export;
pub mod geometry;
pub mod help;
pub mod input;
pub mod keymap;
pub mod labels;
pub mod plain;
pub mod provenance;
pub mod section;
pub mod settings;
pub mod symbols;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod view;
