//! Work spread over a few scoped threads, results in input order.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Fewer items than this are handled on the calling thread: starting a thread costs more than
/// learning a user or two.
const MIN_PARALLEL_ITEMS: usize = 4;

/// Threads to use when the configuration says 0 (all the cores), at most 8.
pub(crate) fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// `work` applied to every item, on up to `threads` threads (the calling thread is one of
/// them); the results come back in the order of `items`, whatever the threads' timing.
pub(crate) fn map<T, R>(items: Vec<T>, threads: usize, work: impl Fn(T) -> R + Sync) -> Vec<R>
where
    T: Send,
    R: Send,
{
    map_beside(items, threads, work, || ()).0
}

/// [`map`], while the calling thread first runs `beside` (e.g. a store write that must not
/// wait for the items), then helps with the items left.
pub(crate) fn map_beside<T, R, S>(
    items: Vec<T>,
    threads: usize,
    work: impl Fn(T) -> R + Sync,
    beside: impl FnOnce() -> S,
) -> (Vec<R>, S)
where
    T: Send,
    R: Send,
{
    let threads = threads.min(items.len());
    if threads <= 1 || items.len() < MIN_PARALLEL_ITEMS {
        let beside = beside();
        return (items.into_iter().map(work).collect(), beside);
    }
    let slots: Vec<Mutex<(Option<T>, Option<R>)>> = items
        .into_iter()
        .map(|item| Mutex::new((Some(item), None)))
        .collect();
    let next = AtomicUsize::new(0);
    let run = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(slot) = slots.get(i) else { break };
            let item = lock(slot).0.take().expect("each slot is taken once");
            let result = work(item);
            lock(slot).1 = Some(result);
        }
    };
    let beside = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(run)).collect();
        let beside = beside();
        run();
        for helper in helpers {
            if let Err(panic) = helper.join() {
                std::panic::resume_unwind(panic);
            }
        }
        beside
    });
    let results = slots
        .into_iter()
        .map(|slot| {
            let (_, result) = slot.into_inner().unwrap_or_else(|p| p.into_inner());
            result.expect("every slot was worked")
        })
        .collect();
    (results, beside)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items() {
        for threads in [1, 2, 3, 8] {
            let items: Vec<u64> = (0..100).collect();
            let squares = map(items, threads, |n| {
                // Uneven work, so threads finish out of order.
                std::thread::sleep(std::time::Duration::from_micros(n % 7 * 50));
                n * n
            });
            assert_eq!(squares, (0..100).map(|n| n * n).collect::<Vec<u64>>());
        }
    }

    #[test]
    fn the_calling_thread_runs_its_own_job_beside() {
        let items: Vec<u64> = (0..50).collect();
        let (doubled, side) = map_beside(items, 2, |n| n * 2, || "saved");
        assert_eq!(doubled, (0..50).map(|n| n * 2).collect::<Vec<u64>>());
        assert_eq!(side, "saved");
    }

    #[test]
    fn a_few_items_stay_on_the_calling_thread() {
        let caller = std::thread::current().id();
        let ids = map(vec![1, 2], 4, |_| std::thread::current().id());
        assert!(ids.iter().all(|id| *id == caller));
    }
}
