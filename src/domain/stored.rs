//! The domain's enums as they are stored: each in a text column, by its
//! `as_str`. A row holding any other text fails to load rather than being
//! read as some default. Records written out (the case file's JSON, the
//! statistics' snapshot) carry the same text and are read back by it.

/// Implements diesel's `FromSql`/`ToSql` over `Text` for enums that have
/// `as_str` and `parse` and derive `AsExpression` and `FromSqlRow` with
/// `#[diesel(sql_type = Text)]`. The impls are generic over the backend, so
/// they serve SQLite, PostgreSQL and the `MultiBackend` of `DbConn` alike:
/// each defers to the backend's own text conversion.
macro_rules! stored_as_text {
    ($($name:ident),+ $(,)?) => {$(
        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                let text = <String as diesel::deserialize::FromSql<
                    diesel::sql_types::Text,
                    DB,
                >>::from_sql(bytes)?;
                $name::parse(&text).ok_or_else(|| {
                    format!(concat!("{:?} is not a stored ", stringify!($name)), text).into()
                })
            }
        }

        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, DB>>::to_sql(
                    self.as_str(),
                    out,
                )
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(deserializer)?;
                $name::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        concat!("{:?} is not a stored ", stringify!($name)),
                        text
                    ))
                })
            }
        }
    )+};
}

pub(crate) use stored_as_text;
