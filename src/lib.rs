//! `briefing`: a terminal reader for news briefings.
//!
//! Data flows one way: file → [`briefing::Briefing`] → [`content::Content`]
//! (shared) → [`app::App`] (one reader's state) → [`view`]. Input flows one
//! way too: bytes → [`input`] → [`keys`] → [`keymap`] → [`action`] →
//! `App::update`.

#![cfg_attr(test, allow(clippy::string_slice))]

pub mod action;
pub mod app;
pub mod briefing;
pub mod bundled;
pub mod cli;
pub mod commands;
pub mod config;
pub mod content;
pub mod dirs;
pub mod doc;
pub mod emit;
pub mod environ;
pub mod export;
pub mod generate;
pub mod geometry;
pub mod input;
pub mod keymap;
pub mod keys;
pub mod labels;
pub mod library;
pub mod output;
pub mod pane;
pub mod plain;
pub mod provenance;
pub mod scroll;
pub mod serve;
pub mod settings;
pub mod shelf;
pub mod symbols;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod ui;
pub mod view;
