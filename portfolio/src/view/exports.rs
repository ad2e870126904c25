//! Everything out at once: each export the core writes for a whole
//! portfolio (`nines_core::portfolio::exports`), one link a format. A link
//! is written when it is clicked, as a `data:` address the browser saves
//! under the file's name, so nothing leaves the browser and nothing is
//! computed for a format nobody asks for.

use nines_core::portfolio::exports::{estate_export, estate_file, ESTATE_EXPORTS};
use nines_core::portfolio::Portfolio;
use web_sys::HtmlAnchorElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportsProps {
    pub portfolio: Portfolio,
}

#[function_component(Exports)]
pub fn exports(p: &ExportsProps) -> Html {
    let refused = use_state(|| None::<String>);
    if p.portfolio.services.is_empty() {
        return html! {};
    }
    html! {
        <section class="card" id="portfolio-exports" aria-labelledby="portfolio-exports-heading">
            <h2 id="portfolio-exports-heading">{ "Everything out at once" }</h2>
            <p class="convention">
                { "Every service's export in one file, each part what that service's own export \
                   writes: each selects only its own series, by its production names." }
            </p>
            <div class="toolbar">
                { for ESTATE_EXPORTS.iter().map(|(what, title)| {
                    let (file, mime) = estate_file(what, &p.portfolio.name);
                    let onclick = {
                        let (portfolio, refused) = (p.portfolio.clone(), refused.clone());
                        Callback::from(move |e: MouseEvent| {
                            let link = e.target_unchecked_into::<HtmlAnchorElement>();
                            match estate_export(what, &portfolio, crate::now()) {
                                Ok(text) => {
                                    let data = String::from(js_sys::encode_uri_component(&text));
                                    link.set_href(&format!("data:{mime};charset=utf-8,{data}"));
                                    refused.set(None);
                                }
                                Err(why) => {
                                    e.prevent_default();
                                    refused.set(Some(why));
                                }
                            }
                        })
                    };
                    html! {
                        <a class="button" href="#portfolio" download={file} {onclick}
                            id={format!("portfolio-export-{what}")}>
                            { format!("Download the {title}") }
                        </a>
                    }
                }) }
            </div>
            if let Some(why) = &*refused {
                <p class="error" id="portfolio-exports-error" role="alert">{ why }</p>
            }
        </section>
    }
}
