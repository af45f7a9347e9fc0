# A language being started: the French folder copied, a few lines translated.
undo = Desfazer
app_title = Carte Mixité
