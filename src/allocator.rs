//! The binary's allocator: jemalloc for the many small blocks a build makes and drops, the
//! system's for large ones.
//!
//! glibc's malloc was about a fifth of a 10,000-incident build's time; jemalloc cuts that to
//! a few percent. But jemalloc grows a large block by copying it to a new one, so a buffer
//! that doubles on the way to 100 MB (the events of a 2 MiB Markdown bomb) is resident twice,
//! while glibc moves the pages (`mremap`): the bomb's `lint` peaked at 203 MB with jemalloc
//! alone and 106 MB with glibc. Large blocks are rare, so where they go costs no time.

use std::alloc::{GlobalAlloc, Layout, System};

use tikv_jemallocator::Jemalloc;

/// From this size on, blocks are the system allocator's.
const LARGE: usize = 256 * 1024;

/// Routes each block by its size alone: Rust hands `dealloc` and `realloc` the layout the
/// block was made (or last resized) with, so a block is always returned to the allocator
/// that made it.
pub(crate) struct Split;

fn large(size: usize) -> bool {
    size >= LARGE
}

// SAFETY: every method forwards to the allocator `large` names for the block's size, which
// is the allocator that made the block (see `Split`); a block that changes side in
// `realloc` is copied to a new block of the other side and the old one freed where it came
// from.
unsafe impl GlobalAlloc for Split {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `layout` is passed on as is.
        unsafe {
            if large(layout.size()) {
                System.alloc(layout)
            } else {
                Jemalloc.alloc(layout)
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as in `alloc`.
        unsafe {
            if large(layout.size()) {
                System.alloc_zeroed(layout)
            } else {
                Jemalloc.alloc_zeroed(layout)
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was made with `layout`, hence by the allocator its size names.
        unsafe {
            if large(layout.size()) {
                System.dealloc(ptr, layout)
            } else {
                Jemalloc.dealloc(ptr, layout)
            }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` was made with `layout` by the allocator its size names; the caller
        // guarantees that `new_size` with `layout`'s alignment is a valid layout.
        unsafe {
            match (large(layout.size()), large(new_size)) {
                (true, true) => System.realloc(ptr, layout, new_size),
                (false, false) => Jemalloc.realloc(ptr, layout, new_size),
                _ => {
                    let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
                    let new = self.alloc(new_layout);
                    if !new.is_null() {
                        let kept = layout.size().min(new_size);
                        std::ptr::copy_nonoverlapping(ptr, new, kept);
                        self.dealloc(ptr, layout);
                    }
                    new
                }
            }
        }
    }
}

/// Hands back to the system the pages of the blocks jemalloc holds freed, in every arena
/// (blocks in the threads' caches excepted). A purge that fails leaves them resident, as
/// they were: nothing to report.
pub(crate) fn release_freed() {
    // `MALLCTL_ARENAS_ALL`: every arena.
    let name = c"arena.4096.purge";
    // SAFETY: a purge reads and writes nothing through the pointers it is given.
    unsafe {
        tikv_jemalloc_sys::mallctl(
            name.as_ptr(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_their_bytes_across_both_allocators() {
        let split = Split;
        let sizes = [1, 100, LARGE - 1, LARGE, LARGE + 1, 4 * LARGE, 7];
        let layout = Layout::from_size_align(sizes[0], 8).unwrap();
        // SAFETY: each block is used within the size it has and freed with its layout.
        unsafe {
            let mut ptr = split.alloc(layout);
            let mut size = sizes[0];
            *ptr = 42;
            for &new_size in &sizes[1..] {
                ptr = split.realloc(ptr, Layout::from_size_align(size, 8).unwrap(), new_size);
                assert!(!ptr.is_null());
                assert_eq!(*ptr, 42, "{size} -> {new_size}");
                *ptr.add(new_size - 1) = 7;
                size = new_size;
            }
            split.dealloc(ptr, Layout::from_size_align(size, 8).unwrap());
            let zeroed = split.alloc_zeroed(Layout::from_size_align(2 * LARGE, 64).unwrap());
            assert_eq!(zeroed as usize % 64, 0);
            assert!((0..2 * LARGE).all(|i| *zeroed.add(i) == 0));
            split.dealloc(zeroed, Layout::from_size_align(2 * LARGE, 64).unwrap());
        }
    }

    fn resident_kib() -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn freed_small_blocks_are_handed_back_when_asked() {
        // 128 MiB in blocks of the size of a first pass's boxes, written to and freed.
        let split = Split;
        let layout = Layout::from_size_align(2560, 8).unwrap();
        let count = 128 * 1024 * 1024 / layout.size();
        // SAFETY: each block is written within its size and freed with its layout.
        let before = unsafe {
            let blocks: Vec<*mut u8> = (0..count).map(|_| split.alloc(layout)).collect();
            for &block in &blocks {
                block.write_bytes(1, layout.size());
            }
            let before = resident_kib();
            for block in blocks {
                split.dealloc(block, layout);
            }
            before
        };
        release_freed();
        let after = resident_kib();
        assert!(
            after + 64 * 1024 < before,
            "{before} KiB resident before, {after} KiB after"
        );
    }
}
