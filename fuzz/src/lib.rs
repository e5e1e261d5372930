//! Fuzz harnesses for indotag; the contract they assert is in [`contract`].

pub mod contract;
