pub mod postgres;
pub mod smtp;
