pub mod app;
pub mod browser;
pub mod postgres;
pub mod smtp;
