# De twee commando's voor iedereen: `make run` en `make test`. De rest is voor beheerders.
.PHONY: run run-cluster test setup kb zoekvragen lookups train shell interactive bench eval check validate opruimen review review-toepassen dekking clean

run:
	@scripts/run.sh

# Meer dan één Rasa achter nginx (PostgreSQL en Redis gedeeld); `make run-cluster INSTANCES=3`. docs/deploy.md.
run-cluster:
	@RASA_INSTANCES=$(or $(INSTANCES),2) scripts/run_cluster.sh

test:
	@scripts/test.sh

setup:
	@scripts/setup_env.sh rasa
	@scripts/setup_env.sh bot

# Snel (zonder trainen): kennisbank, lookup-tabellen, rasa data validate, vragenbank, documentatie, lint.
check: setup
	@scripts/check.sh

validate: setup
	@.venv/bot/bin/python -m bot kb validate

kb: setup
	@.venv/bot/bin/python -m bot kb load

# Het afstemdeel van de vragenbank als zoekvragen (knowledge/zoekvragen/vragenbank_afstemdeel.yml), dan make kb.
zoekvragen: setup
	@.venv/bot/bin/python -m bot zoekvragen $(if $(MAP),--map $(MAP),&& .venv/bot/bin/python -m bot kb load)

lookups: setup
	@.venv/bot/bin/python -m bot nlu lookups

train: setup lookups
	@scripts/train.sh >/dev/null

shell: setup
	@scripts/shell.sh

# Rasa's interactief leren met deze action server en redactie; bewaart een gesprek als story (docs/beheer.md).
interactive: setup
	@scripts/interactive.sh

bench: setup
	@scripts/bench.sh

# De vragenbank end-to-end: start de assistent zoals make run (traint zo nodig), stelt elke vraag over
# REST en vergelijkt met BM25 over de bronteksten (BRONNEN_DIR, standaard ../shared/sources).
eval: setup
	@.venv/bot/bin/python -m tests.vragenbank.evaluate

# Verwijdert gesprekken ouder dan BEWAARTERMIJN_DAGEN (standaard 30) uit TRACKER_STORE_URL; `make opruimen DAGEN=7`.
opruimen: setup
	@.venv/bot/bin/python -m bot gesprekken opruimen $(if $(DAGEN),--dagen $(DAGEN))

# Vragen die misgingen in TRACKER_STORE_URL (geredigeerd), gegroepeerd, met een voorstel; `make review SINDS=7`.
# MAP=<map>: een andere map met data/, knowledge/, tests/vragenbank/ en var/ (voor de tests).
review: setup
	@.venv/bot/bin/python -m bot review $(if $(SINDS),--sinds $(SINDS)) $(if $(MAP),--map $(MAP))

# De bewaarde voorstellen uit var/review/voorstel.yml in data/nlu/, tests/vragenbank/ en knowledge/.
review-toepassen: setup
	@.venv/bot/bin/python -m bot review toepassen $(if $(MAP),--map $(MAP))

# Wat de assistent afdekt, per record: var/rapport/dekking.html.
dekking: setup
	@.venv/bot/bin/python -m bot dekking $(if $(MAP),--map $(MAP))

clean:
	rm -rf models results var .pytest_cache
