//! Every message the application sends, one struct each.

use super::{MailContext, email_message};

/// To the first secretariat account, once it exists.
pub struct Welcome {
    pub ctx: MailContext,
    pub name: String,
    pub login_url: String,
}
email_message!(
    Welcome,
    "email/welcome/subject.txt",
    "email/welcome/body.txt",
    "email/welcome/body.html"
);
