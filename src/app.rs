//! The page: one reducer over one scenario, sections that render its report.

use yew::prelude::*;

use crate::components::answers::AnswersCard;
use crate::persist::Saver;
use crate::sections::Section;
use crate::state::{Action, Page, PageAction, State};

/// A section drawn, keyed by its anchor. The page's sections are a keyed
/// list: unkeyed, Yew matches a longer list against a shorter one from the
/// end, so when the sections below the fold arrived after the first paint,
/// the first section was patched into the last one and built anew (its
/// fields, charts and focus lost) instead of being kept.
fn section_view(section: Section, state: &UseReducerHandle<State>) -> Html {
    use crate::components::budget::BudgetSection;
    use crate::components::cost::CostSection;
    use crate::components::dependencies::DependenciesSection;
    use crate::components::export::ExportSection;
    use crate::components::incidents::IncidentsSection;
    use crate::components::library::LibrarySection;
    use crate::components::measures::MeasuresCard;
    use crate::components::support::SupportSection;
    use crate::components::target::TargetSection;
    let (key, state) = (section.anchor(), state.clone());
    match section {
        Section::Target => html! { <TargetSection {key} {state} /> },
        Section::Budget => html! { <BudgetSection {key} {state} /> },
        Section::Incidents => html! { <IncidentsSection {key} {state} /> },
        Section::Dependencies => html! { <DependenciesSection {key} {state} /> },
        Section::Cost => html! { <CostSection {key} {state} /> },
        Section::Support => html! { <SupportSection {key} {state} /> },
        Section::Measures => html! { <MeasuresCard {key} {state} /> },
        Section::Library => html! { <LibrarySection {key} {state} /> },
        Section::Export => html! { <ExportSection {key} {state} /> },
    }
}

#[function_component(App)]
pub fn app() -> Html {
    // Where the scenario comes from: the link, else localStorage, else defaults.
    let start = use_memo((), |_| crate::persist::initial());
    let state = {
        let start = start.clone();
        use_reducer(move || first_state(&start))
    };
    let embed = start.embed.clone();
    let saver = {
        let embed = start.embed.clone();
        let visit = start.own.as_ref().map(|_| start.scenario.clone());
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            Saver::new(embed, visit, move |kept| {
                dispatcher.dispatch(Action::Page(PageAction::StorageKept(kept)))
            })
        })
    };
    // The first render holds the header and the first section only; the
    // rest follow in the next task, after the browser has painted them, so
    // the first figures show without waiting for every chart below the fold.
    // A schedule of the first paint, not application state: it stays here.
    let everything = use_state(|| false);
    {
        let everything = everything.clone();
        use_effect_with((), move |_| {
            crate::persist::report_height();
            gloo::timers::callback::Timeout::new(0, move || everything.set(true)).forget();
        });
    }
    // Another tab saved a different scenario: the page asks which to keep
    // (`Page::other_tab`), and the saver holds this tab's writes meanwhile.
    {
        let saver = saver.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = crate::persist::watch_other_tabs(move |change| {
                if let crate::persist::OtherTab::Scenario(theirs) = change {
                    if saver.hold_for(&theirs) {
                        dispatcher.dispatch(Action::Page(PageAction::OtherTabSaved(theirs)));
                    }
                }
            });
            move || drop(listener)
        });
    }
    {
        let saver = saver.clone();
        use_effect_with((), move |_| saver.flush_on_leave());
    }
    {
        let saver = saver.clone();
        use_effect_with(state.scenario.clone(), move |s| saver.save_soon(s));
    }

    if let Some(id) = embed {
        return embedded(&id, &state);
    }
    let page = &state.page;
    html! {
        <>
            { header(&state) }
            { conflict_notice(&state, &saver) }
            { visit_notice(&state, &saver) }
            { unkept_notice(page) }
            { page_notices(state.dispatcher(), &page.notices) }
            <main>
                { for Section::ALL.into_iter().take(if *everything { Section::ALL.len() } else { 1 }).map(|s| section_view(s, &state)) }
            </main>
            <footer class="site">
                <p>{ "Every figure is computed in your browser; nothing is sent anywhere." }</p>
            </footer>
        </>
    }
}

/// The state the page starts in: the scenario it starts from, with the
/// notices about reading it, the theme, and the reader's own scenario when
/// it came from a link.
fn first_state(start: &crate::persist::Start) -> State {
    let page = Page {
        notices: start.notices.clone(),
        theme: crate::browser::theme(),
        visit: start
            .own
            .clone()
            .map(|own| std::rc::Rc::new((start.scenario.clone(), own))),
        ..Page::default()
    };
    State::with_page(start.scenario.clone(), page)
}

/// The browser refused to store the edits.
fn unkept_notice(page: &Page) -> Html {
    html! {
        if page.unkept {
            <div class="notices" id="unkept" role="alert">
                <p>
                    { "Your edits are not being kept: this browser refused to store them (its storage \
                       is full or blocked). Copy the link to keep this scenario; this notice goes \
                       when storing works again." }
                </p>
            </div>
        }
    }
}

/// What reading the scenario noticed (a link or a save partly unreadable),
/// until dismissed.
fn page_notices(dispatcher: UseReducerDispatcher<State>, notices: &[String]) -> Html {
    let dismiss = Callback::from(move |_: MouseEvent| {
        dispatcher.dispatch(Action::Page(PageAction::DismissNotices))
    });
    html! {
        if !notices.is_empty() {
            <div class="notices" id="notices" role="status">
                <ul>{ for notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        }
    }
}

/// The page's header: the answers, then the menu of tools (share, embed,
/// theme, start again) and the sections.
fn header(state: &UseReducerHandle<State>) -> Html {
    html! {
        <header class="site">
            <h1>{ "Nines" }</h1>
            <p>{ "Choose an availability target: what it allows, what it costs, and who should run it." }</p>
            // The answers first, on every screen; the tools below them
            // fold into a menu on a phone (style.css shows them open on
            // wider screens).
            <AnswersCard state={state.clone()} linked=true />
            <details class="menu" id="menu">
            <summary>{ "Menu: share, embed, theme, sections" }</summary>
            <p class="story">
                { "The example: an online shop's checkout, earning $20M a year. Change any input: every \
                   figure follows, and the address keeps the whole scenario." }
            </p>
            { toolbar(state) }
            <nav class="sections" aria-label="Sections">
                { for Section::ALL.into_iter().map(|s| html! { <a href={format!("#{}", s.anchor())}>{ s.title() }</a> }) }
            </nav>
            </details>
        </header>
    }
}

/// Copies `text` and says so, or shows it to copy by hand when the browser
/// refuses the clipboard.
fn copy_and_say(
    dispatcher: UseReducerDispatcher<State>,
    text: String,
    done: &'static str,
    by_hand: &'static str,
) {
    crate::browser::copy_text(text.clone(), move |copied| {
        dispatcher.dispatch(Action::Page(PageAction::Copied(if copied {
            done.to_string()
        } else {
            format!("{by_hand}{text}")
        })));
    });
}

// The copy buttons' callbacks hold this render's state (a shared handle),
// not a copy of its scenario made on every render.

/// Copies the link, which opens this exact scenario.
fn copy_link(state: &UseReducerHandle<State>) -> Callback<MouseEvent> {
    let shown = state.clone();
    let dispatcher = state.dispatcher();
    Callback::from(move |_: MouseEvent| {
        copy_and_say(
            dispatcher.clone(),
            crate::persist::share_url(&shown.scenario),
            "Link copied: it opens this exact scenario.",
            "Copy this link: ",
        );
    })
}

/// Copies the embed code of the section chosen.
fn copy_embed(state: &UseReducerHandle<State>) -> Callback<MouseEvent> {
    let shown = state.clone();
    let dispatcher = state.dispatcher();
    Callback::from(move |_: MouseEvent| {
        copy_and_say(
            dispatcher.clone(),
            crate::persist::embed_snippet(&shown.scenario, shown.page.embed_section.anchor()),
            "Embed code copied: paste it into your wiki page's HTML.",
            "Copy this embed code: ",
        );
    })
}

/// Replaces the scenario by `by` once the user confirms `question` (it
/// replaces every input).
fn replace_after(
    state: &UseReducerHandle<State>,
    question: &'static str,
    by: fn() -> nines_core::scenario::Scenario,
) -> Callback<MouseEvent> {
    let dispatcher = state.dispatcher();
    Callback::from(move |_: MouseEvent| {
        let sure = gloo::utils::window()
            .confirm_with_message(question)
            .unwrap_or(false);
        if sure {
            dispatcher.dispatch(Action::Replace(Box::new(by())));
        }
    })
}

/// The menu's tools: copy the link or the embed code, the theme, and the
/// two ways to start again.
fn toolbar(state: &UseReducerHandle<State>) -> Html {
    let page = &state.page;
    let on_embed_section = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(section) = Section::from_anchor(&select.value()) {
                dispatcher.dispatch(Action::Page(PageAction::EmbedSection(section)));
            }
        })
    };
    // The bare address reopens the last scenario on purpose; this is the
    // way back to the example, after a confirmation.
    let start_from_example = replace_after(
        state,
        "Replace this scenario by the example (the $20M checkout)? Every input you \
         changed is lost unless it is saved or its link copied.",
        nines_core::scenario::Scenario::default,
    );
    // The same, to a blank scenario: no incident, dependency or example
    // amount, whose sections say what they need.
    let start_from_scratch = replace_after(
        state,
        "Replace this scenario by a blank one (no incidents, dependencies or amounts)? \
         Every input you changed is lost unless it is saved or its link copied.",
        nines_core::scenario::Scenario::blank,
    );
    let dark = crate::browser::is_dark(page.theme.as_deref());
    let toggle_theme = {
        let dispatcher = state.dispatcher();
        let theme = page.theme.clone();
        Callback::from(move |_: MouseEvent| {
            let next = if crate::browser::is_dark(theme.as_deref()) {
                "light"
            } else {
                "dark"
            };
            crate::browser::set_theme(next);
            dispatcher.dispatch(Action::Page(PageAction::Theme(next.to_string())));
        })
    };
    html! {
        <div class="toolbar">
            <button type="button" id="copy-link" onclick={copy_link(state)}>{ "Copy link" }</button>
            <label for="embed-section" class="visually-hidden">{ "Section to embed" }</label>
            <select id="embed-section" onchange={on_embed_section}>
                { for Section::ALL.into_iter().filter(|s| s.embeddable()).map(|s| html! {
                    <option value={s.anchor()} selected={page.embed_section == s}>{ format!("Embed: {}", s.title()) }</option>
                }) }
            </select>
            <button type="button" id="copy-embed" onclick={copy_embed(state)}>{ "Copy embed code" }</button>
            // The label says what a press does, so it changes with
            // the theme in force (no aria-pressed beside it: the
            // name would then contradict the state).
            <button type="button" id="theme-toggle" onclick={toggle_theme}>
                { if dark { "Switch to light theme" } else { "Switch to dark theme" } }
            </button>
            <button type="button" id="start-from-example" onclick={start_from_example}>
                { "Start from the example" }
            </button>
            <button type="button" id="start-from-scratch" onclick={start_from_scratch}>
                { "Start from scratch" }
            </button>
            if let Some(message) = &page.copied {
                <span class="hint" id="copy-status" role="status">{ message }</span>
            }
        </div>
    }
}

/// Another tab saved a different scenario: which one this browser keeps.
fn conflict_notice(state: &UseReducerHandle<State>, saver: &std::rc::Rc<Saver>) -> Option<Html> {
    state.page.other_tab.as_ref()?;
    let adopt = {
        let saver = saver.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            saver.resolve(None);
            dispatcher.dispatch(Action::AdoptOtherTab);
        })
    };
    let keep = {
        let saver = saver.clone();
        let dispatcher = state.dispatcher();
        let scenario = state.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            saver.resolve(Some(&scenario));
            dispatcher.dispatch(Action::Page(PageAction::KeepThisTab));
        })
    };
    Some(html! {
        <div class="notices conflict" id="other-tab" role="alert">
            <p>
                { "Another tab saved a different scenario. This tab stopped saving so that neither is lost: choose which one this browser keeps." }
            </p>
            <button type="button" onclick={adopt}>{ "Open the other tab's scenario" }</button>
            { " " }
            <button type="button" onclick={keep}>{ "Keep this tab's scenario" }</button>
        </div>
    })
}

/// Opened from a link: the reader's own scenario is kept until they edit
/// this one or keep it.
fn visit_notice(state: &UseReducerHandle<State>, saver: &std::rc::Rc<Saver>) -> Option<Html> {
    let visit = state.page.visit.as_ref()?;
    let keep = {
        let saver = saver.clone();
        let dispatcher = state.dispatcher();
        let scenario = state.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            saver.adopt(&scenario);
            dispatcher.dispatch(Action::Page(PageAction::KeepVisit));
        })
    };
    let back = {
        let dispatcher = state.dispatcher();
        let own = visit.1.clone();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(Action::Replace(Box::new(own.clone())))
        })
    };
    Some(html! {
        <div class="notices" id="visit" role="status">
            <p>
                { "This scenario came from a link. Your own scenario is kept in this browser: the link's \
                   is not saved over it unless you edit it or keep it." }
            </p>
            <button type="button" id="keep-visit" onclick={keep}>{ "Keep this scenario as mine" }</button>
            { " " }
            <button type="button" id="back-to-own" onclick={back}>{ "Back to my scenario" }</button>
        </div>
    })
}

/// Embed mode: one section, compact, no header or footer, with a link to
/// the full calculator for the same scenario.
fn embedded(id: &str, state: &UseReducerHandle<State>) -> Html {
    let notices = &state.page.notices;
    let known = Section::from_anchor(id).filter(|s| s.embeddable());
    let full = format!("./?{}", nines_core::link::encode(&state.scenario));
    html! {
        <main class="embed">
            <h1 class="visually-hidden">
                { format!("Nines: {}", known.map_or("calculator", Section::title)) }
            </h1>
            if !notices.is_empty() {
                <ul class="notices" id="notices" role="status">
                    { for notices.iter().map(|n| html! { <li>{ n }</li> }) }
                </ul>
            }
            if let Some(known) = known {
                // The answers first, as on the full page.
                <AnswersCard state={state.clone()} linked=false />
                { section_view(known, state) }
            } else {
                <p class="error" role="alert">
                    { format!("There is no section {} to embed. Use one of: {}.",
                        nines_core::quote::quoted(id, 40),
                        Section::embeddable_anchors()) }
                </p>
            }
            <p class="embed-link"><a href={full} target="_blank" rel="noopener">{ "Open the full calculator" }</a></p>
        </main>
    }
}
