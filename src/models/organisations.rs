//! The organisations that nominate the members of the groups: ISO's member
//! bodies, one per country, and the liaison organisations.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::organisations;
use crate::domain::nomination::OrganisationKind;
use crate::domain::submission::country;
use crate::i18n::Lang;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = organisations)]
pub struct Organisation {
    pub id: String,
    pub kind: OrganisationKind,
    pub acronym: String,
    pub name: String,
    /// ISO 3166-1 alpha-2, for member bodies.
    pub country: Option<String>,
    /// Where clarification requests for this organisation go.
    pub contact_email: Option<String>,
    pub created_at: NaiveDateTime,
    /// The language of mail to its contact address; none: the default.
    pub language: Option<String>,
}

impl Organisation {
    pub fn is_member_body(&self) -> bool {
        self.kind == OrganisationKind::MemberBody
    }

    /// The country's name, as ISO 3166 gives it ("France"); the code itself
    /// should a row hold one the standard does not know.
    pub fn country_name(&self) -> Option<&str> {
        self.country
            .as_deref()
            .map(|code| country(code).map_or(code, |c| c.name()))
    }

    /// Whether a search of the registry page finds it: `query` in its
    /// acronym, name, country code or country name (in English or `lang`),
    /// whatever the case.
    pub fn matches(&self, query: &str, lang: &Lang) -> bool {
        let query = query.trim().to_lowercase();
        let country = self.country_in(lang);
        [
            Some(self.acronym.as_str()),
            Some(self.name.as_str()),
            self.country.as_deref(),
            self.country_name(),
            country.as_deref(),
        ]
        .into_iter()
        .flatten()
        .any(|text| text.to_lowercase().contains(&query))
    }

    /// The country's name as a page in `lang` shows it ("Allemagne").
    pub fn country_in(&self, lang: &Lang) -> Option<String> {
        self.country.as_deref().map(|code| lang.country(code))
    }

    /// How a list of nominating bodies names it: "France — AFNOR" for a
    /// member body, "ILAC — International Laboratory Accreditation
    /// Cooperation" for a liaison.
    pub fn label(&self) -> String {
        self.label_in(&Lang::english())
    }

    /// [`Self::label`] with the country named in `lang`.
    pub fn label_in(&self, lang: &Lang) -> String {
        match self.country_in(lang) {
            Some(country) => format!("{country} — {}", self.acronym),
            None => format!("{} — {}", self.acronym, self.name),
        }
    }
}

/// Member bodies by their country's name, then liaisons by acronym, both as
/// `lang` orders words: the order of every list to choose from.
pub fn sort_for(organisations: &mut [Organisation], lang: &Lang) {
    lang.sort_by(organisations, |o| o.acronym.clone());
    lang.sort_by(organisations, |o| o.country_in(lang).unwrap_or_default());
    organisations.sort_by_key(|o| !o.is_member_body());
}

/// Also what seeding writes over a row of the same acronym; the contact
/// address is not in it, so seeding never changes it.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = organisations, treat_none_as_null = true)]
pub struct OrganisationForm<'a> {
    pub kind: OrganisationKind,
    pub acronym: &'a str,
    pub name: &'a str,
    pub country: Option<&'a str>,
}

#[derive(Insertable)]
#[diesel(table_name = organisations)]
pub struct NewOrganisation<'a> {
    pub id: &'a str,
    #[diesel(embed)]
    pub form: OrganisationForm<'a>,
    pub contact_email: Option<&'a str>,
    pub created_at: NaiveDateTime,
}

/// `organisations` as (id, label) to choose from on a page in `lang`, in
/// that language's order.
pub fn choices(organisations: &[Organisation], lang: &Lang) -> Vec<(String, String)> {
    let mut sorted = organisations.to_vec();
    sort_for(&mut sorted, lang);
    sorted
        .iter()
        .map(|o| (o.id.clone(), o.label_in(lang)))
        .collect()
}

/// Member bodies by country name, then liaisons by acronym, in English
/// (pages re-sort with [`sort_for`]).
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Organisation>> {
    let mut all = organisations::table
        .select(Organisation::as_select())
        .load(conn)?;
    sort_for(&mut all, &Lang::english());
    Ok(all)
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    organisations::table.count().get_result(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Organisation> {
    organisations::table
        .find(id)
        .select(Organisation::as_select())
        .first(conn)
}

/// The language of the organisation whose contact address, or one of whose
/// liaison contacts' addresses, `email` is, if it chose one.
pub fn language_of_contact(conn: &mut DbConn, email: &str) -> QueryResult<Option<String>> {
    use crate::db::schema::liaison_contacts;
    let email = email.trim();
    let by_contact = organisations::table
        .filter(organisations::contact_email.eq(email))
        .filter(organisations::language.is_not_null())
        .select(organisations::language)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten();
    if by_contact.is_some() {
        return Ok(by_contact);
    }
    Ok(liaison_contacts::table
        .inner_join(organisations::table)
        .filter(liaison_contacts::email.eq(email))
        .filter(organisations::language.is_not_null())
        .select(organisations::language)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten())
}

/// Sets the language of mail to the organisation's contact address (none:
/// the default); false when there is no such organisation.
pub fn set_language(conn: &mut DbConn, id: &str, tag: Option<&str>) -> QueryResult<bool> {
    diesel::update(organisations::table.find(id))
        .set(organisations::language.eq(tag))
        .execute(conn)
        .map(|n| n == 1)
}

/// The organisation with exactly this acronym (the seed's natural key).
pub fn find_by_acronym(conn: &mut DbConn, acronym: &str) -> QueryResult<Option<Organisation>> {
    organisations::table
        .filter(organisations::acronym.eq(acronym))
        .select(Organisation::as_select())
        .first(conn)
        .optional()
}

/// The organisation whose acronym is this one whatever the case, as people
/// type it (`afnor`).
pub fn find_by_acronym_caseless(
    conn: &mut DbConn,
    acronym: &str,
) -> QueryResult<Option<Organisation>> {
    let wanted = acronym.trim().to_lowercase();
    Ok(all(conn)?
        .into_iter()
        .find(|o| o.acronym.to_lowercase() == wanted))
}

pub fn insert(conn: &mut DbConn, organisation: &NewOrganisation<'_>) -> QueryResult<()> {
    diesel::insert_into(organisations::table)
        .values(organisation)
        .execute(conn)
        .map(drop)
}

/// Brings a row in line with `form`; its contact address stays.
pub fn update(conn: &mut DbConn, id: &str, form: &OrganisationForm<'_>) -> QueryResult<()> {
    diesel::update(organisations::table.find(id))
        .set(form)
        .execute(conn)
        .map(drop)
}

/// Sets or clears the contact address; false when there is no such row.
pub fn set_contact_email(conn: &mut DbConn, id: &str, email: Option<&str>) -> QueryResult<bool> {
    diesel::update(organisations::table.find(id))
        .set(organisations::contact_email.eq(email))
        .execute(conn)
        .map(|n| n > 0)
}
