"""English catalogue. Same keys as ``es.py`` (a test keeps them in step)."""

MESSAGES: dict[str, str] = {
    "type.str": "a text",
    "type.int": "a whole number",
    "type.float": "a decimal number",
    "type.bool": "a true/false value",
    "type.list": "a list",
    "type.tuple": "a tuple",
    "type.set": "a set",
    "type.dict": "a dictionary",
    "type.NoneType": "None (empty)",
    "type.DataFrame": "a table (DataFrame)",
    "check.ok": "Correct!",
    "check.hint_prefix": "Hint:",
    "check.missing_variable": (
        "I cannot find the variable `{name}`. Run your answer cell first (Shift + Enter) and "
        "check that the name is spelled the same."
    ),
    "check.not_answered": (
        "You have not answered `{name}` yet: replace None with your answer, for example "
        "{example}, and run the cell again."
    ),
    "check.choice_not_text": (
        "`{name}` must be a text in quotes, for example \"{example}\"; it is {kind}."
    ),
    "check.choice_unknown": "«{value}» is not one of the options for `{name}`. Valid: {options}.",
    "check.choice_wrong": (
        "Option «{value}» is not the right one for `{name}`. Read the section again and "
        "retry.{hint}"
    ),
    "check.choices_not_list": (
        "`{name}` must be a list in square brackets, for example [\"a\", \"c\"]; it is {kind}."
    ),
    "check.choices_repeated": "Some options are repeated in `{name}`: write each letter once.",
    "check.choices_empty": "The list `{name}` is empty: choose at least one option.",
    "check.choices_wrong": (
        "Your selection of {n} option(s) in `{name}` is not exact: a right one is missing or a "
        "wrong one is included. Check each statement one by one.{hint}"
    ),
    "check.number_is_text": (
        "`{name}` is a text («{value}»); write the number without quotes, e.g. {name} = 42."
    ),
    "check.number_wrong_type": "`{name}` must be a number; it is {kind}.",
    "check.number_not_finite": "`{name}` is not a finite number: check the calculation.",
    "check.number_wrong": "{value} {unit} is not the expected value for `{name}`.{hint}",
    "check.text_not_text": "`{name}` must be a text in quotes; it is {kind}.",
    "check.text_too_short": (
        "Your answer in `{name}` has {words} word(s); write at least {min_words} to explain it."
    ),
    "check.text_ok": "Answer received ({words} words). Your instructor will grade it.",
    "check.mapping_not_dict": (
        "`{name}` must be a dictionary in braces {{\"item\": \"category\", …}}; it is {kind}."
    ),
    "check.table_not_frame": "`{name}` must be the table (DataFrame) we gave you; it is {kind}.",
    "check.table_missing_column": (
        "Table `{name}` lacks the column «{column}». Columns found: {found}. Run the original "
        "table cell again."
    ),
    "check.table_duplicate_row": "Row «{row}» appears twice in `{name}`: keep only one.",
    "check.mapping_missing_keys": (
        "These items are missing from `{name}`: {keys}. Do not delete rows: only replace None."
    ),
    "check.mapping_extra_keys": (
        "`{name}` has items that were not in the question: {keys}. Check that you did not "
        "change the text on the left."
    ),
    "check.mapping_empty": "{n} still unanswered in `{name}`: {keys}. Replace each None.",
    "check.mapping_not_allowed": (
        "Some answers in `{name}` are not in the allowed list: {items}. Use one of: {allowed}."
    ),
    "check.mapping_wrong": "You got {right} of {total} right in `{name}`. Check: {keys}.{hint}",
    "check.mapping_ok": "Correct! All {total} items are right.",
}
