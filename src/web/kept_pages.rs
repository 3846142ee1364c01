//! Pages kept in memory up to a number of bytes, the oldest kept dropped
//! first: the store under the public page cache ([`super::page_cache`])
//! and each person's workspace pages ([`super::private_pages`]).

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use actix_web::http::{Method, StatusCode};
use tokio::sync::OwnedMutexGuard;

/// Whether an answer to `method` may have stored a change: kept pages are
/// then checked against the database at the next answer.
pub fn may_have_changed(method: &Method, status: StatusCode) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
        && (status.is_success() || status.is_redirection())
}

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

/// The pages being rendered now, by key: who asks for one of them
/// meanwhile waits for it instead of rendering it too. A crowd arriving at
/// a page not kept would otherwise render it once per person, and once
/// rendering takes longer than a page is kept for, every one of them would
/// render it again.
#[derive(Default)]
pub struct Renderings(Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>);

impl Renderings {
    /// Waits for the turn to render `key`: by then whoever rendered it
    /// before has kept it, so the caller looks for it again first.
    pub async fn turn(&self, key: &str) -> Turn<'_> {
        let lock = self.entries().entry(key.to_owned()).or_default().clone();
        Turn {
            renderings: self,
            key: key.to_owned(),
            _held: lock.lock_owned().await,
        }
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<tokio::sync::Mutex<()>>>> {
        // A panic while holding the lock leaves plain data behind; keep going.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// One turn at rendering a page; the key is forgotten however the
/// rendering ends, an abandoned request included.
pub struct Turn<'a> {
    renderings: &'a Renderings,
    key: String,
    _held: OwnedMutexGuard<()>,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        self.renderings.entries().remove(&self.key);
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

    #[tokio::test]
    async fn a_page_is_rendered_by_one_asker_at_a_time_and_others_wait() {
        let renderings = Renderings::default();
        let first = renderings.turn("/workspace").await;
        let other_page = renderings.turn("/admin").await;
        let waiting = tokio::time::timeout(
            std::time::Duration::from_millis(50),
            renderings.turn("/workspace"),
        )
        .await;
        assert!(waiting.is_err(), "the second asker waits for the first");
        drop(first);
        drop(other_page);
        let _next = renderings.turn("/workspace").await;
        assert_eq!(renderings.entries().len(), 1, "done turns are forgotten");
    }
}
