//! Finding published clarifications by words. The register's words and
//! filters are held in memory by each instance ([`index`]), built from the
//! database and brought forward as the register changes ([`build`]), and
//! ranked by relevance there ([`rank`]); a search then reads only its page
//! of rows ([`run`]), and a download every row it found, a few hundred at
//! a time ([`download`]). Lists without words are picked the same way, by
//! their positions in the index: newest first, or a standard's in clause
//! order. The workspace's list of requests has an index of its own
//! ([`requests`]), brought forward change by change, whose words the
//! database searches.

mod build;
mod download;
mod index;
mod rank;
mod requests;
mod run;

pub use download::Download;
pub use index::{Choices, SearchIndex};
pub use rank::StandardList;
pub use requests::{Census, Found, Narrowing, RequestIndex};
pub use run::{
    Related, Results, Searched, in_clause_order, knows_its_standard, related, search, search_held,
};
