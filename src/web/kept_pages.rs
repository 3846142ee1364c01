//! Pages kept in memory up to a number of bytes, the oldest kept dropped
//! first: the store under the public page cache ([`super::page_cache`])
//! and each person's workspace pages ([`super::private_pages`]).

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

/// A page kept, by what its body costs.
pub trait Weighed {
    fn size(&self) -> usize;
}

pub struct KeptPages<P> {
    max_bytes: usize,
    pages: HashMap<String, Arc<P>>,
    /// Keys in the order they were kept, for eviction.
    order: VecDeque<String>,
    bytes: usize,
}

impl<P: Weighed> KeptPages<P> {
    /// A store of at most `max_bytes`; none kept at 0.
    pub fn new(max_bytes: usize) -> Self {
        KeptPages {
            max_bytes,
            pages: HashMap::new(),
            order: VecDeque::new(),
            bytes: 0,
        }
    }

    /// Whether pages are kept at all.
    pub fn is_on(&self) -> bool {
        self.max_bytes > 0
    }

    pub fn get(&self, key: &str) -> Option<&Arc<P>> {
        self.pages.get(key)
    }

    pub fn contains(&self, key: &str) -> bool {
        self.pages.contains_key(key)
    }

    pub fn clear(&mut self) {
        self.pages.clear();
        self.order.clear();
        self.bytes = 0;
    }

    /// Whether a page of `size` bytes under `key` may be kept: one page
    /// may take an eighth of the store at most, so that no page empties it.
    pub fn admits(&self, key: &str, size: usize) -> bool {
        size + key.len() <= self.max_bytes / 8
    }

    /// Keeps `page` under `key`, replacing the one kept there, dropping the
    /// oldest until it fits.
    pub fn keep(&mut self, key: String, page: P) {
        let size = page.size() + key.len();
        if size > self.max_bytes / 8 {
            return;
        }
        if let Some(gone) = self.pages.remove(&key) {
            self.bytes -= gone.size() + key.len();
            self.order.retain(|k| *k != key);
        }
        while self.bytes + size > self.max_bytes {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some(gone) = self.pages.remove(&oldest) {
                self.bytes -= gone.size() + oldest.len();
            }
        }
        self.bytes += size;
        self.order.push_back(key.clone());
        self.pages.insert(key, Arc::new(page));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Page(usize);

    impl Weighed for Page {
        fn size(&self) -> usize {
            self.0
        }
    }

    #[test]
    fn the_oldest_pages_make_room_and_a_page_too_large_is_not_kept() {
        let mut kept = KeptPages::new(800);
        for n in 0..10 {
            kept.keep(format!("/p{n}"), Page(97));
        }
        // 100 bytes a page with its key: the first two made room.
        assert!(!kept.contains("/p0") && !kept.contains("/p1"));
        assert!((2..10).all(|n| kept.contains(&format!("/p{n}"))));
        kept.keep("/p5".into(), Page(47));
        assert_eq!(kept.bytes, 750, "a page kept again replaces itself");
        assert!(!kept.admits("/big", 98));
        kept.keep("/big".into(), Page(98));
        assert!(!kept.contains("/big"));
        kept.clear();
        assert!(!kept.contains("/p9"));
        assert!(!KeptPages::<Page>::new(0).is_on());
    }
}
