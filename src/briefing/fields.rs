//! The field names of a raw table type, asked of its `Deserialize` impl: the
//! decoder then tells unknown keys apart without decoding a table once per
//! unknown key, and the raw types stay the one list of what a table holds.

use serde::Deserialize;
use serde::de::value::Error;
use serde::de::{Deserializer, Error as _, Visitor};

/// The fields `T` deserialises from a table (empty if it is no struct).
pub fn fields<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut probe = Probe { fields: &[] };
    // The probe always fails: it only listens to what the struct asks for.
    let _ = T::deserialize(&mut probe);
    probe.fields
}

/// A deserializer that records the fields a struct asks for, then fails.
struct Probe {
    fields: &'static [&'static str],
}

impl<'de> Deserializer<'de> for &mut Probe {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(Error::custom("only the field names are asked for"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Error> {
        self.fields = fields;
        Err(Error::custom("only the field names are asked for"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::raw::{RawActor, RawHead};

    #[test]
    fn the_raw_tables_name_their_fields() {
        for field in ["id", "name", "kind", "role", "aliases"] {
            assert!(fields::<RawActor>().contains(&field), "{field}");
        }
        assert!(!fields::<RawActor>().contains(&"colour"));
        assert!(fields::<RawHead>().contains(&"summary"));
        assert!(fields::<RawHead>().contains(&"actors"));
        assert!(fields::<String>().is_empty());
    }
}
