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
    map_beside(items, threads, work, |_| ()).0
}

/// [`map`], while the calling thread first runs `beside` (e.g. a store write that must not
/// wait for the items), then helps with the items left. `beside` is handed a `help` function
/// that works on the items until none is left to start: called while `beside` waits for
/// something (an fsync on another thread), it puts the calling thread to work meanwhile.
pub(crate) fn map_beside<T, R, S>(
    items: Vec<T>,
    threads: usize,
    work: impl Fn(T) -> R + Sync,
    beside: impl FnOnce(&dyn Fn()) -> S,
) -> (Vec<R>, S)
where
    T: Send,
    R: Send,
{
    let threads = threads.min(items.len());
    if threads <= 1 || items.len() < MIN_PARALLEL_ITEMS {
        let beside = beside(&|| ());
        return (items.into_iter().map(work).collect(), beside);
    }
    let queue = Queue::new(items);
    let run = || queue.work_off(&work);
    let beside = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(run)).collect();
        let beside = beside(&run);
        run();
        for helper in helpers {
            if let Err(panic) = helper.join() {
                std::panic::resume_unwind(panic);
            }
        }
        beside
    });
    (queue.into_results(), beside)
}

/// Items handed out one at a time to whichever thread asks next; each result is kept in its
/// item's slot.
struct Queue<T, R> {
    slots: Vec<Mutex<(Option<T>, Option<R>)>>,
    next: AtomicUsize,
}

impl<T, R> Queue<T, R> {
    fn new(items: Vec<T>) -> Self {
        let slots = items
            .into_iter()
            .map(|item| Mutex::new((Some(item), None)))
            .collect();
        Self {
            slots,
            next: AtomicUsize::new(0),
        }
    }

    /// Works on items until none is left to start.
    fn work_off(&self, work: &impl Fn(T) -> R) {
        loop {
            let i = self.next.fetch_add(1, Ordering::Relaxed);
            let Some(slot) = self.slots.get(i) else { break };
            let item = lock(slot).0.take().expect("each slot is taken once");
            let result = work(item);
            lock(slot).1 = Some(result);
        }
    }

    /// The results in the order of the items; every item must have been worked.
    fn into_results(self) -> Vec<R> {
        self.slots
            .into_iter()
            .map(|slot| {
                let (_, result) = slot.into_inner().unwrap_or_else(|p| p.into_inner());
                result.expect("every slot was worked")
            })
            .collect()
    }
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
        let (doubled, side) = map_beside(items, 2, |n| n * 2, |_| "saved");
        assert_eq!(doubled, (0..50).map(|n| n * 2).collect::<Vec<u64>>());
        assert_eq!(side, "saved");
    }

    #[test]
    fn the_side_job_can_help_with_the_items() {
        let caller = std::thread::current().id();
        let by_caller = AtomicUsize::new(0);
        let items: Vec<u64> = (0..200).collect();
        let (tripled, by_caller_inside) = map_beside(
            items,
            2,
            |n| {
                if std::thread::current().id() == caller {
                    by_caller.fetch_add(1, Ordering::Relaxed);
                }
                // Slow enough that the spawned thread cannot finish them all alone.
                std::thread::sleep(std::time::Duration::from_micros(100));
                n * 3
            },
            |help| {
                help();
                by_caller.load(Ordering::Relaxed)
            },
        );
        assert_eq!(tripled, (0..200).map(|n| n * 3).collect::<Vec<u64>>());
        assert!(
            by_caller_inside > 0,
            "the calling thread worked on items from inside its side job"
        );
    }

    #[test]
    fn a_few_items_stay_on_the_calling_thread() {
        let caller = std::thread::current().id();
        let ids = map(vec![1, 2], 4, |_| std::thread::current().id());
        assert!(ids.iter().all(|id| *id == caller));
    }
}
