//! The portfolios kept in this browser by name: "Keep under its name"
//! keeps the one on screen (`store::keep_named`), and each kept one opens
//! (a new entry in the history: Back returns) or is deleted. The last one
//! edited is also kept on its own, so `#portfolio` alone reopens it.

use nines_core::portfolio::{link, Portfolio};
use yew::prelude::*;

use crate::state::Action;
use crate::view::dispatch::Dispatch;
use crate::view::store;

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub portfolio: Portfolio,
    pub dispatch: Dispatch,
}

#[function_component(Library)]
pub fn library(p: &LibraryProps) -> Html {
    // What a keep or a delete said; the list is read afresh each render.
    let said = use_state(|| None::<Result<String, String>>);
    let kept = store::kept();
    let on_keep = {
        let (portfolio, said) = (p.portfolio.clone(), said.clone());
        Callback::from(move |_: MouseEvent| {
            said.set(Some(store::keep_named(&portfolio).map(|()| {
                format!("Kept in this browser as {}.", portfolio.name.trim())
            })))
        })
    };
    html! {
        <details class="workings" id="portfolio-library">
            <summary>{ format!("Your portfolios in this browser ({})", kept.len()) }</summary>
            <div class="toolbar">
                <button type="button" id="portfolio-keep" onclick={on_keep}>{ "Keep under its name" }</button>
            </div>
            { match &*said {
                Some(Ok(done)) => html! { <p class="notes" role="status">{ done }</p> },
                Some(Err(why)) => html! { <p class="error" id="portfolio-keep-error" role="alert">{ why }</p> },
                None => html! {},
            } }
            <ul class="dep-list" id="portfolio-kept">
                { for kept.iter().map(|(name, pairs)| {
                    let on_open = {
                        let (pairs, dispatch) = (pairs.clone(), p.dispatch.clone());
                        Callback::from(move |_: MouseEvent| {
                            let d = link::decode(&pairs);
                            store::keep(&d.portfolio, true);
                            dispatch.dispatch(Action::Open(d.portfolio, d.notices));
                        })
                    };
                    let on_delete = {
                        let (name, said) = (name.clone(), said.clone());
                        Callback::from(move |_: MouseEvent| {
                            said.set(Some(store::forget(&name).map(|()| format!("Deleted {name}."))))
                        })
                    };
                    html! {
                        <li class="dep-row" data-row={name.clone()}>
                            <span>{ name }</span>
                            <button type="button" onclick={on_open} aria-label={format!("Open {name}")}>{ "Open" }</button>
                            <button type="button" onclick={on_delete} aria-label={format!("Delete {name}")}>{ "Delete" }</button>
                        </li>
                    }
                }) }
            </ul>
            <p class="convention">
                { format!("At most {} portfolios are kept; they stay in this browser only. The address \
                           holds the portfolio on screen: copy it to share it.", store::MAX_KEPT) }
            </p>
        </details>
    }
}
