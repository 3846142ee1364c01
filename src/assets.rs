//! Static assets compiled into the binary, under a name that carries a
//! hash of their content so that browsers may cache them forever: their
//! addresses are needed by every page's layout (web) and by the route that
//! serves them (routes), so they live apart from both.

use std::sync::OnceLock;

use sha2::{Digest, Sha256};

const STYLESHEET: &str = include_str!("../static/clarion.css");

pub struct Asset {
    pub path: String,
    pub etag: String,
    pub body: &'static str,
}

pub fn stylesheet() -> &'static Asset {
    static ASSET: OnceLock<Asset> = OnceLock::new();
    ASSET.get_or_init(|| {
        let digest = hex::encode(Sha256::digest(STYLESHEET.as_bytes()));
        Asset {
            path: format!("/static/clarion.{}.css", &digest[..12]),
            etag: digest[..24].to_owned(),
            body: STYLESHEET,
        }
    })
}

/// The stylesheet's address for `<link>`.
pub fn stylesheet_path() -> &'static str {
    &stylesheet().path
}
