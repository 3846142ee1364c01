//! Validation messages of a form, keyed by field, in the order of the form.

use crate::i18n::Msg;

#[derive(Debug, Default, Clone)]
pub struct FieldErrors(Vec<(String, Msg)>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, message: impl Into<Msg>) {
        if self.get(field).is_empty() {
            self.0.push((field.to_owned(), message.into()));
        }
    }

    /// The message of a field, empty when it is fine.
    pub fn get(&self, field: &str) -> &Msg {
        self.0
            .iter()
            .find(|(f, _)| f == field)
            .map_or(Msg::none(), |(_, m)| m)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_slice(&self) -> &[(String, Msg)] {
        &self.0
    }
}

/// Does the text hold characters that change how the text around them is
/// shown without showing themselves? Bidirectional embeddings, overrides
/// and isolates can make "7.2.1" read as "1.2.7" and one name look like
/// another ("Trojan Source", CVE-2021-42574); zero-width characters make
/// two texts that look the same differ. Nobody types them into a clause,
/// a name or an organisation.
pub fn has_hidden_formatting(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c,
            '\u{061C}'                  // Arabic letter mark
                | '\u{180E}'            // Mongolian vowel separator
                | '\u{200B}'..='\u{200F}' // zero-width space, (non-)joiner, LRM, RLM
                | '\u{202A}'..='\u{202E}' // embeddings and overrides
                | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
                | '\u{2066}'..='\u{2069}' // isolates
                | '\u{FEFF}' // zero-width no-break space
        )
    })
}

#[cfg(test)]
mod tests {
    use super::has_hidden_formatting;

    #[test]
    fn overrides_and_zero_width_characters_are_found() {
        for text in [
            "7.2.1\u{202E}",
            "Ana\u{200B}Lima",
            "\u{2067}Lab\u{2069}",
            "\u{FEFF}Lab",
            "a\u{200D}b",
            "a\u{061C}b",
        ] {
            assert!(has_hidden_formatting(text), "{text:?}");
        }
        for text in [
            "7.2.1",
            "Annex A.2",
            "Zoë Ørsted",
            "محمد",
            "李雷",
            "Lab—Example",
        ] {
            assert!(!has_hidden_formatting(text), "{text:?}");
        }
    }
}
