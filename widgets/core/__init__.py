"""What every view uses: two-stage display (static site and kernel), the base of the live
labs, sliders from declarations, glue, equations, palette and sizes, readouts, bars, the seed
passage, the glossary boxes and the teaching tables.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=[
        "bars",
        "display",
        "glossary",
        "glue",
        "lab",
        "palette",
        "readout",
        "seed",
        "sliders",
        "stage",
        "teaching",
        "text",
    ],
    submod_attrs={
        "bars": ["expression_bars", "vega_array", "vega_strings"],
        "display": [
            "Figure",
            "HtmlBlock",
            "StaticLabView",
            "building_static_site",
            "vega_lite_version",
        ],
        "glossary": ["glossary_markdown", "key_terms_markdown"],
        "glue": ["glue_all"],
        "lab": ["Lab", "error_html", "lab_or_static", "sliders_for", "static_state"],
        "palette": ["label_colours"],
        "readout": ["readout_strip"],
        "seed": ["SeedQuote", "seed_quote"],
        "sliders": ["altair_param", "ipywidgets_slider", "slider_label"],
        "stage": ["BUILD_ENV", "writing_the_book"],
        "teaching": [
            "ChapterTeaching",
            "Exercise",
            "Goal",
            "chapter_teaching",
            "goals_table",
            "read_chapter_text",
        ],
        "text": ["chip_table", "equation", "rule_conditions"],
    },
)
