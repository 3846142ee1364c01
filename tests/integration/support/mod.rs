pub mod app;
pub mod browser;
pub mod child;
pub mod journey;
pub mod postgres;
pub mod register;
pub mod server;
pub mod smtp;
