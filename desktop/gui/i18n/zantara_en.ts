<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Zantara</name>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n rating</numerusform>
            <numerusform>%n ratings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blind comparison(s)</source>
        <translation>
            <numerusform>%n blind comparison</numerusform>
            <numerusform>%n blind comparisons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pooled with %n rating(s) from the team.</source>
        <translation>
            <numerusform>Pooled with %n rating from the team.</numerusform>
            <numerusform>Pooled with %n ratings from the team.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n insight(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n insight? This cannot be undone.</numerusform>
            <numerusform>Delete %n insights? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) available</source>
        <translation>
            <numerusform>%n model available</numerusform>
            <numerusform>%n models available</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Claude answer(s)</source>
        <translation>
            <numerusform>%n Claude answer</numerusform>
            <numerusform>%n Claude answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
</context>
</TS>
