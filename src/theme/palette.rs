//! The xterm palettes: the 16 ANSI colours as xterm shows them by default,
//! the 6×6×6 cube and the 24 greys of the 256, and the nearest of them to a
//! 24-bit colour.

use ratatui::style::Color;

/// An sRGB colour.
pub type Rgb = (u8, u8, u8);

/// The 16 ANSI colours, in index order, with xterm's default values (a
/// terminal may show its own: that is what they are for).
const XTERM16: [(Color, Rgb); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// The six levels of each channel in the 256-colour cube.
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// Squared distance between two colours.
fn distance(a: Rgb, b: Rgb) -> u32 {
    let d = |x: u8, y: u8| u32::from(x.abs_diff(y)).pow(2);
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

/// The named colour of ANSI index `n` (0-15; others give `Reset`).
pub fn ansi16(n: u8) -> Color {
    XTERM16
        .get(usize::from(n))
        .map_or(Color::Reset, |&(c, _)| c)
}

/// The colour xterm shows for 256-palette index `n`.
pub fn indexed_rgb(n: u8) -> Rgb {
    match n {
        0..=15 => XTERM16.get(usize::from(n)).map_or((0, 0, 0), |&(_, v)| v),
        16..=231 => {
            let i = n - 16;
            let level = |k: u8| CUBE.get(usize::from(k % 6)).copied().unwrap_or(0);
            (level(i / 36), level(i / 6), level(i))
        }
        _ => {
            let v = 8 + 10 * (n - 232);
            (v, v, v)
        }
    }
}

/// The nearest of the 16 ANSI colours, by xterm's values.
pub fn nearest16(rgb: Rgb) -> Color {
    XTERM16
        .iter()
        .min_by_key(|&&(_, v)| distance(rgb, v))
        .map_or(Color::Reset, |&(c, _)| c)
}

/// The nearest colour of the cube or the grey ramp (16-255): never one of
/// the first 16, whose values the user's palette decides.
pub fn nearest256(rgb: Rgb) -> u8 {
    // Channels are apart in the distance: the nearest level of each gives
    // the nearest colour of the cube.
    let step = |v: u8| {
        (0u8..)
            .zip(CUBE)
            .min_by_key(|&(_, level)| level.abs_diff(v))
            .map_or(0, |(i, _)| i)
    };
    let cube = 16 + 36 * step(rgb.0) + 6 * step(rgb.1) + step(rgb.2);
    let grey = (232..=255u8)
        .min_by_key(|&n| distance(rgb, indexed_rgb(n)))
        .unwrap_or(232);
    if distance(rgb, indexed_rgb(grey)) < distance(rgb, indexed_rgb(cube)) {
        grey
    } else {
        cube
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_has_the_values_xterm_shows() {
        assert_eq!(indexed_rgb(16), (0, 0, 0));
        assert_eq!(indexed_rgb(21), (0, 0, 255));
        assert_eq!(indexed_rgb(196), (255, 0, 0));
        assert_eq!(indexed_rgb(231), (255, 255, 255));
        assert_eq!(indexed_rgb(232), (8, 8, 8));
        assert_eq!(indexed_rgb(255), (238, 238, 238));
        assert_eq!(indexed_rgb(9), (255, 0, 0));
        assert_eq!(ansi16(6), Color::Cyan);
        assert_eq!(ansi16(16), Color::Reset);
    }

    #[test]
    fn every_palette_colour_is_its_own_nearest() {
        for n in 16..=255u8 {
            let rgb = indexed_rgb(n);
            assert_eq!(indexed_rgb(nearest256(rgb)), rgb, "{n}");
        }
        for n in 0..16u8 {
            assert_eq!(nearest16(indexed_rgb(n)), ansi16(n), "{n}");
        }
    }

    #[test]
    fn nearest_is_nearest_by_brute_force() {
        let mut seed = 0x2545_f491_u32;
        for _ in 0..2000 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let [r, g, b, _] = seed.to_le_bytes();
            let rgb = (r, g, b);
            let best = (16..=255u8)
                .map(|n| distance(rgb, indexed_rgb(n)))
                .min()
                .unwrap();
            assert_eq!(distance(rgb, indexed_rgb(nearest256(rgb))), best, "{rgb:?}");
        }
    }

    #[test]
    fn greys_go_to_the_grey_ramp_and_hues_to_the_cube() {
        assert_eq!(nearest256((0x80, 0x80, 0x80)), 244);
        assert_eq!(nearest256((0x70, 0xc0, 0xba)), 73);
        assert_eq!(nearest16((0x70, 0xc0, 0xba)), Color::DarkGray);
    }
}
