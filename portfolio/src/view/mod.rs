//! The view: a header that leads back to the single-service calculator,
//! what reading the link noticed, then the estate, the dependency graph,
//! who runs the estate, the services' inputs and the downloads. One file a
//! part; they reach the state through `dispatch`, and `store` keeps it in
//! the address and this browser.

mod dispatch;
mod estate;
mod exports;
mod field;
mod graph;
mod import;
mod library;
mod services;
mod store;
mod support;
mod table;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use nines_core::portfolio::link::VIEW;
use yew::prelude::*;

use crate::state::{Action, State};
use dispatch::{Dispatch, Shared};

#[function_component(View)]
pub fn view() -> Html {
    let state = use_reducer(|| {
        let (portfolio, notices) = store::to_open();
        Shared(State::open(portfolio, notices, crate::now()))
    });
    let unkept = use_state(|| false);
    // The fragment last written, which a change of address is compared to.
    let written: Rc<RefCell<String>> = use_mut_ref(String::new);
    use_keep_in_address(&state.0, &written, &unkept);
    use_follow_the_address(state.dispatcher(), &written);
    let s = &state.0;
    let dispatch = state.dispatcher();
    html! {
        <>
            <header class="site">
                <h1>{ "Nines: a portfolio of services" }</h1>
                <p>
                    { "Several services whose targets depend on each other. A dependency that is \
                       another service takes that service's expected availability (or its target), \
                       so a change to one service moves every service that depends on it." }
                </p>
                <nav class="views" aria-label="Views">
                    <a href="#">{ "Back to one service (the calculator)" }</a>
                </nav>
            </header>
            { notices(s, dispatch.clone(), *unkept) }
            <main>
                { crate::view::estate::view(s, dispatch.clone()) }
                { crate::view::graph::view(s) }
                { crate::view::support::view(s) }
                { crate::view::services::view(s, dispatch) }
                <crate::view::exports::Exports portfolio={s.portfolio.clone()} />
            </main>
            <footer class="site">
                <p>{ "Every figure is computed in your browser; nothing is sent anywhere. The \
                      address holds the whole portfolio: copy it to share it." }</p>
            </footer>
        </>
    }
}

/// Keep the portfolio in the address and this browser 200 ms after the
/// last edit (a write a keystroke would be throttled by the browser).
#[hook]
fn use_keep_in_address(s: &State, written: &Rc<RefCell<String>>, unkept: &UseStateHandle<bool>) {
    let (written, unkept) = (written.clone(), unkept.clone());
    use_effect_with(s.portfolio.clone(), move |p| {
        let p = p.clone();
        let timer = Timeout::new(200, move || {
            *written.borrow_mut() = store::fragment(&p);
            unkept.set(!store::keep(&p, false));
        });
        move || drop(timer)
    });
}

/// A portfolio link pasted into the address bar (or Back to an earlier
/// one) opens; `#portfolio` alone gets the portfolio's link back.
#[hook]
fn use_follow_the_address(dispatch: Dispatch, written: &Rc<RefCell<String>>) {
    let written = written.clone();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
            let address = store::address();
            let last = written.borrow().clone();
            if address == VIEW && !last.is_empty() {
                if let Ok(history) = gloo::utils::window().history() {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&last),
                    );
                }
            } else if address.starts_with(&format!("{VIEW}?")) && address != last {
                let (portfolio, notices) = store::to_open();
                dispatch.dispatch(Action::Open(portfolio, notices));
            }
        });
        move || drop(listener)
    });
}

/// What reading the portfolio noticed, until dismissed; and a browser
/// that refuses to store it.
fn notices(s: &State, dispatch: Dispatch, unkept: bool) -> Html {
    let dismiss = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::DismissNotices));
    html! {
        <>
            if !s.notices.is_empty() {
                <div class="notices" id="portfolio-notices" role="status">
                    <ul>{ for s.notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                    <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
            if unkept {
                <div class="notices" role="alert">
                    <p>{ "This browser refused to store the portfolio: the address still holds it, \
                          so copy the address to keep it." }</p>
                </div>
            }
        </>
    }
}
