"""Events: who did what to whom, where, when, with how many dead and wounded.

Each sentence's event mentions (``model.Event``), found by ``sentence.sentence_events``:

- ``triggers``: the trigger lexicon (verbs, nouns and multiword phrases by lemma, each with
  the taxonomy codes it may name), weapon words, light verbs, result words;
- ``mentions``: triggers found, merged (a weapon compound joins its trigger, a light verb's
  noun is the trigger) and filtered (figurative and sports uses), and their type decided by
  the sentence's words wherever they can, else by ``classify`` among the trigger's codes;
- ``args``: actor and target from the parse (span conventions in its docstring);
- ``modality``: asserted, negated, denied, hypothetical or future, and the cue;
- ``figures``: the sentence's quantity records that state the event's dead and injured;
- ``kinds``: the kinds of actor and target (armed, state, civilian, protester, ...) the
  rules read;
- ``taxonomy``: the codes, ACLED's sub-event and event types, PLOVER's equivalents;
- ``classify``: the shipped event-type classifier (``models/events.json.gz``).

The pipeline's ``events`` component runs them on each sentence; once the document is read,
``anaphora`` types a definite noun trigger that refers back ("the strike", "that attack") as
the earlier event it names, places are resolved with the document's other toponyms
(extract/places/attach.py), actor ids given, and linking (link/events.py) makes one event of
mentions of one type, place and day.
"""
