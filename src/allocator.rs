//! How the process holds memory. glibc's allocator is tuned for many cores
//! and short programs; Clarion is a long-running server sized for two.

/// glibc gives each thread that allocates at once an arena of its own, up
/// to eight per core, and each keeps what it freed: a busy server held a
/// third more memory for it. Two arenas serve the two cores Clarion is
/// sized for, at the price of threads now and then waiting for one. Blocks
/// from 32 KiB (a standard's page, a search's page being rendered) are
/// mapped on their own and go back to the system when freed, instead of
/// leaving holes in the heap that only grow it: a tenth less peak memory
/// under load. Called first thing, before any other thread exists.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets tuning parameters, before other threads.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 * 1024);
    }
}

/// Returns the free pages inside the heap to the system. glibc only gives
/// back what is free at the heap's top, so building something large from
/// many small pieces (the search index from the register's rows) leaves
/// megabytes free but held; worth a call after such a build, not more often.
pub fn give_back_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; it is thread-safe.
    unsafe {
        libc::malloc_trim(0);
    }
}
