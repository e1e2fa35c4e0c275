// The wizard's state and its requests: every upload is a dry run until the person commits.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/http-client';
import type { FieldMapping, ImportLayer, ImportParams, ImportReport } from '../api/import-types';
import { uploadImport } from '../api/muyield-api';
import type { Problem } from '../api/types';
import { loadAdminToken, saveAdminToken } from './admin-token';
import { stepAfter, type WizardStep } from './import-helpers';

export type WizardRequest =
  | { kind: 'idle' }
  /** `fraction` null while the server checks (the body is sent) or when the browser cannot tell */
  | { kind: 'sending'; commit: boolean; fraction: number | null }
  | { kind: 'failed'; problem: Problem };

export interface ImportWizard {
  step: WizardStep;
  layer: ImportLayer;
  file: File | null;
  token: string;
  /** The CRS sent with the next upload; undefined: the file's own or detected */
  crs: string | undefined;
  repair: boolean;
  /** The shapefile or GeoPackage table sent with the next upload; undefined: the file's only one */
  sourceLayer: string | undefined;
  /** The mapping sent with the next upload; undefined: remembered or suggested by the server */
  mapping: FieldMapping | undefined;
  report: ImportReport | null;
  request: WizardRequest;
  setLayer: (layer: ImportLayer) => void;
  setFile: (file: File | null) => void;
  setToken: (token: string) => void;
  goTo: (step: WizardStep) => void;
  /** Another layer of the file: what was chosen for the previous one (CRS, mapping, repair) starts afresh */
  setSourceLayer: (name: string) => void;
  check: () => void;
  chooseCrs: (crs: string) => void;
  setRepair: (repair: boolean) => void;
  applyMapping: (mapping: FieldMapping) => void;
  commit: () => void;
  restart: () => void;
}

interface Choice {
  sourceLayer?: string;
  crs?: string;
  repair: boolean;
  mapping?: FieldMapping;
}

const FRESH: Choice = { repair: false };

export function useImportWizard(onCommitted?: (report: ImportReport) => void): ImportWizard {
  const [step, setStep] = useState<WizardStep>('choose');
  const [layer, setLayerState] = useState<ImportLayer>('parcels');
  const [file, setFileState] = useState<File | null>(null);
  const [token, setTokenState] = useState<string>(() => loadAdminToken());
  const [choice, setChoice] = useState<Choice>(FRESH);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [request, setRequest] = useState<WizardRequest>({ kind: 'idle' });
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  const send = useCallback(
    (next: Choice, commit: boolean, stayOn?: WizardStep) => {
      if (!file) return;
      abortRef.current?.abort();
      const controller = new AbortController();
      abortRef.current = controller;
      setChoice(next);
      setRequest({ kind: 'sending', commit, fraction: 0 });
      const params: ImportParams = { layer, fileName: file.name, dryRun: !commit, ...next };
      const onProgress = (fraction: number) =>
        setRequest({ kind: 'sending', commit, fraction: fraction >= 1 ? null : fraction });
      uploadImport(file, params, token, onProgress, controller.signal).then(
        (answer) => {
          if (controller.signal.aborted) return;
          setReport(answer);
          setRequest({ kind: 'idle' });
          const after = stepAfter(answer);
          setStep(stayOn && after !== 'crs' && answer.status !== 'committed' ? stayOn : after);
          if (answer.status === 'committed') onCommitted?.(answer);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const problem: Problem = error instanceof ApiError
            ? error.problem
            : { type: 'about:blank', title: 'Error', status: 0, detail: error instanceof Error ? error.message : String(error) };
          setRequest({ kind: 'failed', problem });
        },
      );
    },
    [file, layer, token, onCommitted],
  );

  const startOver = () => {
    abortRef.current?.abort();
    setChoice(FRESH);
    setReport(null);
    setRequest({ kind: 'idle' });
    setStep('choose');
  };

  return {
    step, layer, file, token, report, request,
    crs: choice.crs, repair: choice.repair, mapping: choice.mapping, sourceLayer: choice.sourceLayer,
    setLayer: (next) => {
      startOver();
      setLayerState(next);
    },
    setFile: (next) => {
      startOver();
      setFileState(next);
    },
    setToken: (next) => {
      setTokenState(next);
      saveAdminToken(next);
    },
    goTo: setStep,
    setSourceLayer: (sourceLayer) => setChoice({ ...FRESH, sourceLayer }),
    check: () => send(choice, false),
    chooseCrs: (crs) => send({ ...choice, crs }, false),
    setRepair: (repair) => send({ ...choice, repair }, false, 'report'),
    applyMapping: (mapping) => send({ ...choice, mapping }, false, 'mapping'),
    commit: () => send(choice, true),
    restart: () => {
      startOver();
      setFileState(null);
    },
  };
}
